using Microsoft.Extensions.AI;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RagAssistant.Ingestion;
using RagAssistant.Storage.Sqlite;
using RagAssistant.Testing;

namespace RagAssistant.Retrieval.Tests;

/// <summary>The sample corpus ingested once into a real SQLite file with the manufacturing segmenter, as the CLI composes it.</summary>
public class CorpusSearchFixture : IAsyncLifetime
{
    private readonly TempDirectory _folder = new();
    private ServiceProvider? _services;

    /// <summary>Settings beyond the SQLite file's path (another store's).</summary>
    protected virtual Task<Dictionary<string, string?>> SettingsAsync() => Task.FromResult(new Dictionary<string, string?>());

    /// <summary>The knowledge-base stores: SQLite's. A subclass may register others first (the registrations are TryAdd).</summary>
    protected virtual IServiceCollection AddStores(IServiceCollection services, IConfiguration configuration) => services;

    /// <summary>False where the fixture's store cannot run here (its tests skip).</summary>
    protected virtual bool Available => true;

    public IServiceProvider Services => _services!;
    public HybridRetriever Retriever => Services.GetRequiredService<HybridRetriever>();

    public async Task InitializeAsync()
    {
        if (!Available) return;
        var settings = await SettingsAsync();
        settings["Rag:Storage:DatabasePath"] = _folder.File("kb.db");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        // A hash embedder keeps these tests fast; they are about keyword search, fusion and filters, not embedding quality.
        _services = AddStores(new ServiceCollection().AddLogging(), configuration)
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
