using Microsoft.Extensions.AI;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RagAssistant.Ingestion;
using RagAssistant.Storage.Sqlite;
using RagAssistant.Testing;

namespace RagAssistant.Retrieval.Tests;

/// <summary>The sample corpus ingested once into a real SQLite file with the manufacturing segmenter, as the CLI composes it.</summary>
public sealed class CorpusSearchFixture : IAsyncLifetime
{
    private readonly TempDirectory _folder = new();
    private ServiceProvider? _services;

    public IServiceProvider Services => _services!;
    public HybridRetriever Retriever => Services.GetRequiredService<HybridRetriever>();

    public async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Rag:Storage:DatabasePath"] = _folder.File("kb.db") })
            .Build();
        // A hash embedder keeps these tests fast; they are about keyword search, fusion and filters, not embedding quality.
        _services = new ServiceCollection().AddLogging()
            .AddRagStorage(configuration).AddRagIngestion(configuration)
            .AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(new HashEmbeddingGenerator())
            .AddRagRetrieval(configuration)
            .BuildServiceProvider();
        var report = await Services.GetRequiredService<IngestionPipeline>().IngestPathsAsync([RepositoryPaths.Corpus], new IngestRequest());
        if (report.Failed > 0) throw new InvalidOperationException("corpus ingestion failed: " + string.Join("; ", report.Files.Where(f => f.Error is not null).Select(f => f.Path + ": " + f.Error)));
    }

    public Task DisposeAsync()
    {
        _services?.Dispose();
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
        return Task.CompletedTask;
    }
}
