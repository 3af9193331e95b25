using Microsoft.Extensions.DependencyInjection;
using RagAssistant.Core.Search;

namespace RagAssistant.Retrieval.Tests;

/// <summary>
/// Each hybrid result carries each retriever's own score beside its rank (what the retrieval test page shows): a
/// score exactly where the chunk was in that retriever's list, the keyword one a positive BM25.
/// </summary>
public sealed class RetrieverScoresTests : IAsyncLifetime
{
    private SmallKnowledgeBase? _kb;

    public async Task InitializeAsync() => _kb = await SmallKnowledgeBase.CreateAsync(new Dictionary<string, string>
    {
        ["coolant.md"] = "# Coolant care\n\n## Concentration\n\nKeep the coolant concentration between 5% and 8%.\n",
        ["conveyor.md"] = "# Chip conveyor\n\n## Blockage\n\nWhen chips pile up at the conveyor, clear them.\n",
    });

    public async Task DisposeAsync() => await _kb!.DisposeAsync();

    [Fact]
    public async Task HybridResults_CarryEachRetrieversScore_WhereTheyHaveItsRank()
    {
        var (_, results) = await _kb!.Services.GetRequiredService<HybridRetriever>()
            .SearchAsync("coolant concentration", new SearchOptions(5, RetrieverMode.Hybrid));

        Assert.NotEmpty(results);
        Assert.All(results, r =>
        {
            Assert.Equal(r.DenseRank is not null, r.DenseScore is not null);
            Assert.Equal(r.KeywordRank is not null, r.KeywordScore is not null);
        });
        var top = results[0];
        Assert.Contains("coolant", top.Chunk.Text);
        Assert.True(top.KeywordScore > 0, $"keyword score {top.KeywordScore}");
        Assert.NotNull(top.DenseScore);
    }
}
