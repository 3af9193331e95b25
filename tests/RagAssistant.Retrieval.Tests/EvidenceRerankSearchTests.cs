using Microsoft.Extensions.DependencyInjection;
using RagAssistant.Core.Search;
using RagAssistant.Retrieval.VectorData;

namespace RagAssistant.Retrieval.Tests;

/// <summary>
/// Where the answering layer registers an evidence reranker, hybrid search hands it the best
/// <see cref="RetrievalOptions.EvidenceRerankDepth"/> fused candidates and keeps its order; the rest stays as fused. A
/// reranker that reverses what it is given makes that visible.
/// </summary>
public sealed class EvidenceRerankSearchTests : IAsyncLifetime
{
    private SmallKnowledgeBase? _kb;

    private sealed class ReversingReranker : IEvidenceReranker
    {
        public int Calls { get; private set; }

        public Task<IReadOnlyList<RetrievedChunk>> RerankAsync(AnalyzedQuery query, IReadOnlyList<RetrievedChunk> ranked, CancellationToken cancellationToken)
        {
            Calls++;
            return Task.FromResult<IReadOnlyList<RetrievedChunk>>(ranked.Reverse().ToList());
        }
    }

    private readonly ReversingReranker _reranker = new();

    public async Task InitializeAsync() => _kb = await SmallKnowledgeBase.CreateAsync(
        new Dictionary<string, string>
        {
            ["coolant.md"] = "# Coolant\n\n## Concentration\n\nKeep the coolant concentration between 5% and 8%; check the coolant every shift.\n",
            ["conveyor.md"] = "# Chip conveyor\n\n## Blockage\n\nWhen chips pile up, clear them and check the coolant concentration.\n",
            ["tank.md"] = "# Coolant tank\n\n## Cleaning\n\nEmpty and clean the coolant tank every quarter.\n",
        },
        new Dictionary<string, string?> { ["Rag:Retrieval:EvidenceRerankDepth"] = "2" },
        services => services.AddSingleton<IEvidenceReranker>(_reranker));

    public async Task DisposeAsync() => await _kb!.DisposeAsync();

    private async Task<List<long>> Search(bool? evidence) =>
        (await _kb!.Services.GetRequiredService<HybridRetriever>().SearchAsync("coolant concentration", new SearchOptions(3, Evidence: evidence)))
        .Results.Select(r => r.Chunk.ChunkId).ToList();

    [Fact]
    public async Task TheBestCandidatesUpToTheDepth_TakeTheRerankersOrder_TheRestStaysFused()
    {
        var fused = await Search(evidence: false);
        Assert.Equal(0, _reranker.Calls);
        Assert.Equal(3, fused.Count);

        var reranked = await Search(evidence: null);
        Assert.Equal(1, _reranker.Calls);
        Assert.Equal([fused[1], fused[0], fused[2]], reranked);
    }

    [Fact]
    public async Task TheVectorDataHybridSearch_RanksAlike()
    {
        var expected = await Search(evidence: null);
        var collection = _kb!.Services.GetRequiredService<SqliteChunkCollection>();
        var results = new List<long>();
        await foreach (var r in collection.HybridSearchAsync("coolant concentration", ["coolant", "concentration"], 3))
            results.Add(r.Record.Id);
        Assert.Equal(expected, results);
    }
}
