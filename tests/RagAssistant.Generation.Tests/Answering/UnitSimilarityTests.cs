using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RagAssistant.Core.Embeddings;
using RagAssistant.Generation.Extractive;
using RagAssistant.Testing;

namespace RagAssistant.Generation.Tests.Answering;

public sealed class UnitSimilarityTests
{
    [Theory]
    [InlineData("Gloves must NOT be worn when the spindle is rotating.", true)]
    [InlineData("零件淬火后应在 2 h 内回火。", false)]
    [InlineData("Supplier ID SUP-005: 安徽华山铸造 QT450-10 ductile iron casting", true)]
    public void OnlyEnglishUnits_AreCompared(string text, bool english) => Assert.Equal(english, UnitSimilarity.IsEnglish(text));

    [Fact]
    public async Task WithoutAnEmbeddingModel_NoUnitGetsASimilarity()
    {
        var scores = await new UnitSimilarity(null).ScoreAsync(TestSources.Terms("Is hand protection allowed on the lathe?"), ["Gloves must not be worn."]);
        Assert.Empty(scores);
    }

    [Fact]
    public void Picker_PrefersTheParaphrasedSentenceTheEmbeddingFindsSimilar()
    {
        var chunk = TestSources.Chunk(40, "CK6150 Operating Procedure",
            "Never open the sliding door while the spindle is running. Gloves must not be worn when the spindle is rotating.",
            context: "CK6150 Operating Procedure > 3 Safety");
        var answerer = new ExtractiveAnswerer(TestSources.Analyzer, Options.Create(new AnswerOptions()), NullLogger<ExtractiveAnswerer>.Instance);
        var question = TestSources.Terms("Is hand protection allowed when the spindle turns?");
        var similarity = new Dictionary<string, double>
        {
            ["Never open the sliding door while the spindle is running."] = 0.2,
            ["Gloves must not be worn when the spindle is rotating."] = 0.7,
        };
        Assert.StartsWith("Never", answerer.Select(question, [chunk], [chunk]).Quotes[0].Unit.Text, StringComparison.Ordinal);
        Assert.StartsWith("Gloves", answerer.Select(question, [chunk], [chunk], similarity).Quotes[0].Unit.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AUnitComparedOnce_IsNotEmbeddedAgainForTheNextQuestion()
    {
        var model = new HashEmbeddingGenerator();
        var similarity = new UnitSimilarity(model);
        string[] units = ["Gloves must not be worn.", "Close the sliding door."];

        var first = await similarity.ScoreAsync(TestSources.Terms("Are gloves allowed on the lathe?"), units);
        Assert.Equal(3, model.TextsEmbedded);
        var again = await similarity.ScoreAsync(TestSources.Terms("Are gloves allowed on the lathe?"), units);
        Assert.Equal(4, model.TextsEmbedded); // the question only
        Assert.Equal(first, again);
        Assert.Equal(2, similarity.CachedUnits);
    }

    [Fact]
    public async Task AFullCache_DropsTheUnitUsedLeastRecently()
    {
        var model = new HashEmbeddingGenerator();
        var similarity = new UnitSimilarity(model, cacheSize: 1);
        var question = TestSources.Terms("Are gloves allowed on the lathe?");

        await similarity.ScoreAsync(question, ["Gloves must not be worn."]);
        await similarity.ScoreAsync(question, ["Close the sliding door."]);
        Assert.Equal(1, similarity.CachedUnits);
        var before = model.TextsEmbedded;
        await similarity.ScoreAsync(question, ["Close the sliding door."]);
        Assert.Equal(before + 1, model.TextsEmbedded); // kept: only the question is embedded
        await similarity.ScoreAsync(question, ["Gloves must not be worn."]);
        Assert.Equal(before + 3, model.TextsEmbedded); // dropped: embedded again
    }

    [Fact]
    public async Task WithACacheSizeOfZero_NothingIsKept()
    {
        var model = new HashEmbeddingGenerator();
        var similarity = new UnitSimilarity(model, cacheSize: 0);
        await similarity.ScoreAsync(TestSources.Terms("Are gloves allowed on the lathe?"), ["Gloves must not be worn."]);
        await similarity.ScoreAsync(TestSources.Terms("Are gloves allowed on the lathe?"), ["Gloves must not be worn."]);
        Assert.Equal(4, model.TextsEmbedded);
        Assert.Equal(0, similarity.CachedUnits);
    }

    [Fact]
    public async Task AUnitTheQuestionsModelCannotRead_GetsTheMeanOfThoseItCan_SoItsLanguageAloneDoesNotDecide()
    {
        // The hash model reads English only (no catalog): for an English question a Chinese unit is not compared.
        var similarity = new UnitSimilarity(new HashEmbeddingGenerator());
        string[] english = ["Gloves must not be worn.", "Close the sliding door."];
        var scores = await similarity.ScoreAsync(TestSources.Terms("Are gloves allowed on the lathe?"), [.. english, "主轴旋转时禁止戴手套。"]);
        Assert.Equal((scores[english[0]] + scores[english[1]]) / 2, scores["主轴旋转时禁止戴手套。"], 12);
    }

    [Fact]
    public async Task AnEnglishQuestionOnChineseUnits_IsComparedByTheChineseModel_WithItsGlossaryTranslation()
    {
        var pair = new TwoModelGenerator();
        var scores = await new UnitSimilarity(pair).ScoreAsync(TestSources.Terms("What is the spindle speed?"),
            ["主轴转速 950 r/min。", "冷却液浓度 5%。"]);

        Assert.Equal(2, scores.Count);
        var (model, query) = Assert.Single(pair.Queries);
        Assert.Equal(TwoModelGenerator.Chinese.Id, model);
        Assert.StartsWith("What is the spindle speed?", query, StringComparison.Ordinal);
        Assert.Contains("主轴", query, StringComparison.Ordinal);
        Assert.True(scores["主轴转速 950 r/min。"] > scores["冷却液浓度 5%。"]);
    }

    [Fact]
    public async Task AChineseQuestionOnEnglishUnits_IsNotCompared_ByAModelThatCannotReadItsWords()
    {
        var pair = new TwoModelGenerator();
        var scores = await new UnitSimilarity(pair).ScoreAsync(TestSources.Terms("主轴转速是多少？"), ["Spindle speed 950 r/min.", "Coolant 5%."]);
        Assert.Empty(scores);
        Assert.Empty(pair.Queries);
    }

    [Fact]
    public async Task UnitsMostlyInTheQuestionsLanguage_AreComparedByTheQuestionsModel()
    {
        var pair = new TwoModelGenerator();
        var scores = await new UnitSimilarity(pair).ScoreAsync(TestSources.Terms("What is the spindle speed?"),
            ["Spindle speed 950 r/min.", "Coolant concentration 5%.", "主轴转速 950 r/min。"]);
        Assert.Equal(TwoModelGenerator.English.Id, Assert.Single(pair.Queries).Model);
        Assert.Equal((scores["Spindle speed 950 r/min."] + scores["Coolant concentration 5%."]) / 2, scores["主轴转速 950 r/min。"], 12);
    }

    /// <summary>
    /// The built-in pair's shape with hash vectors: an English model whose vocabulary lacks Chinese and a Chinese one,
    /// each embedding what it is asked to; it records every question it embeds.
    /// </summary>
    private sealed class TwoModelGenerator : IEmbeddingGenerator<string, Embedding<float>>, IEmbeddingModelCatalog
    {
        public static readonly EmbeddingModelInfo English = new("test:en", "en", 64, ["en"], ReadsChinese: false);
        public static readonly EmbeddingModelInfo Chinese = new("test:zh", "zh", 64, ["zh"], ReadsChinese: true);
        private readonly HashEmbeddingGenerator _hash = new();

        public List<(string Model, string Text)> Queries { get; } = [];
        public IReadOnlyList<EmbeddingModelInfo> Models => [English, Chinese];
        public string ModelForLanguage(string language) => language == "en" ? English.Id : Chinese.Id;

        public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values,
            EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
        {
            var texts = values.ToList();
            if (EmbeddingPurpose.Of(options) == EmbeddingPurpose.Query) Queries.AddRange(texts.Select(t => (options?.ModelId ?? "", t)));
            return await _hash.GenerateAsync(texts, options, cancellationToken);
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => serviceType.IsInstanceOfType(this) ? this : null;

        public void Dispose() { }
    }
}
