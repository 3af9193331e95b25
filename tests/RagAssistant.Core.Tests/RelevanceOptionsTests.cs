using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RagAssistant.Core.Relevance;

namespace RagAssistant.Core.Tests;

public sealed class RelevanceOptionsTests
{
    private static ServiceProvider Provider(Dictionary<string, string?> settings) =>
        new ServiceCollection()
            .AddRagRelevance(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider();

    private static RelevanceOptions Bound(Dictionary<string, string?> settings)
    {
        using var provider = Provider(settings);
        return provider.GetRequiredService<IOptions<RelevanceOptions>>().Value;
    }

    [Fact]
    public void NoConfiguration_GivesTheDefaults()
    {
        var options = Bound([]);
        var defaults = new RelevanceOptions();
        Assert.Equal(defaults.ShortLine, options.ShortLine);
        Assert.Equal(defaults.SupersededRevision, options.SupersededRevision);
        Assert.Equal(defaults.ShortLineChars, options.ShortLineChars);
        Assert.Equal(0.1, options.DenseLists["bge-small-zh-v1.5"].Zh);
        Assert.Equal(0.1, options.DenseLists["all-MiniLM-L6-v2"].En);
    }

    [Fact]
    public void Weights_AreBoundFromRagRelevance()
    {
        var options = Bound(new()
        {
            ["Rag:Relevance:ShortLine"] = "0.4",
            ["Rag:Relevance:ShortLineChars"] = "20",
            ["Rag:Relevance:SupersededRevision"] = "0.7",
            ["Rag:Relevance:ChangeStatement"] = "2",
            ["Rag:Relevance:IdentifierTermWeight"] = "4.5",
            ["Rag:Relevance:DenseUnderstandsChinese"] = "true",
            ["Rag:Relevance:FollowUpMaxChineseChars"] = "8",
        });
        Assert.Equal(0.4, options.ShortLine);
        Assert.Equal(20, options.ShortLineChars);
        Assert.Equal(0.7, options.SupersededRevision);
        Assert.Equal(2.0, options.ChangeStatement);
        Assert.Equal(4.5, options.IdentifierTermWeight);
        Assert.True(options.DenseUnderstandsChinese);
        Assert.Equal(8, options.FollowUpMaxChineseChars);
        Assert.Equal(new RelevanceOptions().OtherOperation, options.OtherOperation); // an unset weight keeps its default
    }

    [Fact]
    public void DenseListWeights_AreBoundByModelName_NextToTheDefaultModels()
    {
        var options = Bound(new()
        {
            ["Rag:Relevance:DenseLists:bge-small-zh-v1.5:Zh"] = "0.3",
            ["Rag:Relevance:DenseLists:e5-small:En"] = "0.2",
        });
        Assert.Equal(0.3, options.DenseLists["bge-small-zh-v1.5"].Zh);
        Assert.Equal(0.2, options.DenseLists["e5-small"].En);
        Assert.Equal(0.0, options.DenseLists["e5-small"].Zh);
        Assert.Equal(0.1, options.DenseLists["all-MiniLM-L6-v2"].En);
    }

    [Theory]
    [InlineData("Rag:Relevance:ShortLine", "1.5", "ShortLine")]
    [InlineData("Rag:Relevance:SupersededRevision", "-0.1", "SupersededRevision")]
    [InlineData("Rag:Relevance:ChangeRecord", "0.5", "ChangeRecord")] // a boost below 1 would demote
    [InlineData("Rag:Relevance:FollowUpFocusWeight", "0.5", "FollowUpFocusWeight")]
    [InlineData("Rag:Relevance:ShortLineChars", "500", "ShortLineChars")]
    [InlineData("Rag:Relevance:DenseListDefault", "6", "DenseListDefault")]
    [InlineData("Rag:Relevance:EnglishLettersPerCharacter", "0", "EnglishLettersPerCharacter")] // a divisor
    [InlineData("Rag:Relevance:ShortChineseTermChars", "0", "ShortChineseTermChars")]
    [InlineData("Rag:Relevance:FollowUpMaxChineseChars", "-1", "FollowUpMaxChineseChars")]
    [InlineData("Rag:Relevance:FollowUpMaxEnglishWords", "51", "FollowUpMaxEnglishWords")]
    [InlineData("Rag:Relevance:FollowUpTermChars", "1", "FollowUpTermChars")] // no dictionary term is shorter than two characters
    [InlineData("Rag:Relevance:FollowUpReplacedTermChars", "21", "FollowUpReplacedTermChars")]
    public void AnOutOfRangeWeight_FailsValidationNamingIt(string key, string value, string name)
    {
        using var provider = Provider(new() { [key] = value });
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<RelevanceOptions>>().Value);
        // DataAnnotations name the property (the last part of the key) in quotes: 'ShortLine', not 'ShortLineChars'.
        Assert.Contains($"'{name}'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Rag:Relevance:DenseLists:bge-small-zh-v1.5:Zh", "7")]
    [InlineData("Rag:Relevance:DenseLists:e5-small:En", "-1")]
    public void AnOutOfRangeDenseListWeight_FailsValidationNamingDenseLists(string key, string value)
    {
        using var provider = Provider(new() { [key] = value });
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<RelevanceOptions>>().Value);
        Assert.Contains("Rag:Relevance:DenseLists", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOutOfRangeWeight_FailsAtStart_BeforeAnyoneReadsTheOptions()
    {
        await using var provider = Provider(new() { ["Rag:Relevance:OtherNumber"] = "2" });
        // What the host runs at start for ValidateOnStart.
        var error = await Assert.ThrowsAsync<OptionsValidationException>(
            async () => await provider.GetRequiredService<IAsyncStartupValidator>().ValidateAsync(CancellationToken.None));
        Assert.Contains("'OtherNumber'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AValueThatIsNoNumber_FailsBinding()
    {
        using var provider = Provider(new() { ["Rag:Relevance:ShortLine"] = "half" });
        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IOptions<RelevanceOptions>>().Value);
        Assert.Contains("ShortLine", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddRagRelevance_Twice_RegistersOnce()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Rag:Relevance:ShortLine"] = "0.4" }).Build();
        var services = new ServiceCollection().AddRagRelevance(configuration);
        var count = services.Count;
        services.AddRagRelevance(configuration);
        Assert.Equal(count, services.Count);
        using var provider = services.BuildServiceProvider();
        Assert.Equal(0.4, provider.GetRequiredService<IOptions<RelevanceOptions>>().Value.ShortLine);
    }
}
