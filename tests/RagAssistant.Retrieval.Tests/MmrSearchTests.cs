using Microsoft.Extensions.DependencyInjection;
using RagAssistant.Core.Search;

namespace RagAssistant.Retrieval.Tests;

/// <summary>
/// Three documents: two carry the same coolant text under different titles (a copy kept on two lines), the third
/// mentions the same subject once. MMR must let the third into the top two; without MMR the copies hold both places.
/// </summary>
public sealed class MmrSearchTests : IAsyncLifetime
{
    private const string Body = "## Concentration\n\nCheck the coolant concentration every shift with the refractometer; " +
        "keep the coolant concentration between 5% and 8%, and log each coolant concentration reading.\n";

    private SmallKnowledgeBase? _kb;

    private HybridRetriever Retriever => _kb!.Services.GetRequiredService<HybridRetriever>();

    public async Task InitializeAsync() => _kb = await SmallKnowledgeBase.CreateAsync(new Dictionary<string, string>
    {
        ["line1-coolant.md"] = "# Line 1 coolant care\n\n" + Body,
        ["line2-coolant.md"] = "# Line 2 coolant care\n\n" + Body,
        ["chip-conveyor.md"] = "# Chip conveyor\n\n## Blockage\n\nWhen chips pile up at the conveyor, clear them and check the coolant concentration too.\n",
    });

    public async Task DisposeAsync() => await _kb!.DisposeAsync();

    private async Task<IReadOnlyList<SearchResult>> Search(bool? mmr) =>
        (await Retriever.SearchAsync("coolant concentration", new SearchOptions(3, RetrieverMode.Hybrid, Mmr: mmr))).Results;

    [Fact]
    public async Task WithoutMmr_TheTwoCopiesTakeTheTopTwoPlaces()
    {
        var results = await Search(mmr: null);
        Assert.All(results.Take(2), r => Assert.Contains("refractometer", r.Chunk.Text));
        Assert.Equal(results.Select(r => r.Chunk.ChunkId), (await Search(mmr: false)).Select(r => r.Chunk.ChunkId));
    }

    [Fact]
    public async Task WithMmr_TheOtherRelevantChunkComesBeforeTheSecondCopy()
    {
        var plain = await Search(mmr: false);
        var results = await Search(mmr: true);
        Assert.Equal(plain[0].Chunk.ChunkId, results[0].Chunk.ChunkId);
        Assert.Contains("conveyor", results[1].Chunk.Text);
        Assert.Equal([1, 2, 3], results.Select(r => r.Rank));
        Assert.Equal(plain.Select(r => r.Chunk.ChunkId).Order(), results.Select(r => r.Chunk.ChunkId).Order());
    }
}
