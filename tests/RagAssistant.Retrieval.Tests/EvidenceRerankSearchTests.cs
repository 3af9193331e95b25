using Microsoft.Data.Sqlite;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.VectorData;
using RagAssistant.Core.Search;
using RagAssistant.Ingestion;
using RagAssistant.Retrieval.VectorData;
using RagAssistant.Storage.Sqlite;
using RagAssistant.Testing;

namespace RagAssistant.Retrieval.Tests;

/// <summary>
/// Where the answering layer registers an evidence reranker, hybrid search hands it the best
/// <see cref="RetrievalOptions.EvidenceRerankDepth"/> fused candidates and keeps its order; the rest stays as fused. A
/// reranker that reverses what it is given makes that visible.
/// </summary>
public sealed class EvidenceRerankSearchTests : IAsyncLifetime
{
    private readonly TempDirectory _folder = new();
    private ServiceProvider? _services;

    private sealed class ReversingReranker : IEvidenceReranker
    {
        public int Calls { get; private set; }

        public IReadOnlyList<RetrievedChunk> Rerank(AnalyzedQuery query, IReadOnlyList<RetrievedChunk> ranked)
        {
            Calls++;
            return ranked.Reverse().ToList();
        }
    }

    private readonly ReversingReranker _reranker = new();

    public async Task InitializeAsync()
    {
        var docs = Directory.CreateDirectory(_folder.File("docs")).FullName;
        File.WriteAllText(Path.Combine(docs, "coolant.md"), "# Coolant\n\n## Concentration\n\nKeep the coolant concentration between 5% and 8%; check the coolant every shift.\n");
        File.WriteAllText(Path.Combine(docs, "conveyor.md"), "# Chip conveyor\n\n## Blockage\n\nWhen chips pile up, clear them and check the coolant concentration.\n");
        File.WriteAllText(Path.Combine(docs, "tank.md"), "# Coolant tank\n\n## Cleaning\n\nEmpty and clean the coolant tank every quarter.\n");
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Rag:Storage:DatabasePath"] = _folder.File("kb.db"),
                ["Rag:Retrieval:EvidenceRerankDepth"] = "2",
            })
            .Build();
        _services = new ServiceCollection().AddLogging()
            .AddRagStorage(configuration).AddRagIngestion(configuration)
            .AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(new HashEmbeddingGenerator())
            .AddSingleton<IEvidenceReranker>(_reranker)
            .AddRagRetrieval(configuration)
            .BuildServiceProvider();
        var report = await _services.GetRequiredService<IngestionPipeline>().IngestPathsAsync([docs], new IngestRequest());
        Assert.Equal(3, report.Ingested);
    }

    public Task DisposeAsync()
    {
        _services?.Dispose();
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
        return Task.CompletedTask;
    }

    private async Task<List<long>> Search(bool? evidence) =>
        (await _services!.GetRequiredService<HybridRetriever>().SearchAsync("coolant concentration", new SearchOptions(3, Evidence: evidence)))
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
        var collection = _services!.GetRequiredService<SqliteChunkCollection>();
        var results = new List<long>();
        await foreach (var r in collection.HybridSearchAsync("coolant concentration", ["coolant", "concentration"], 3))
            results.Add(r.Record.Id);
        Assert.Equal(expected, results);
    }
}
