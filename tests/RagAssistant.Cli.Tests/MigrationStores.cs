using Microsoft.Data.Sqlite;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RagAssistant.Accounts;
using RagAssistant.Core.Storage;
using RagAssistant.Ingestion;
using RagAssistant.Retrieval;
using RagAssistant.Storage.Postgres;
using RagAssistant.Storage.Sqlite;
using RagAssistant.Testing;

namespace RagAssistant.Cli.Tests;

/// <summary>
/// The knowledge-base services in process on either end of <c>rag migrate</c>: the SQLite file or the PostgreSQL database,
/// with ingestion, retrieval and accounts. A hash embedder keeps them fast: these tests are about copying, not embedding quality.
/// </summary>
public static class MigrationStores
{
    public static ServiceProvider Sqlite(string db) => Build(new() { ["Rag:Storage:DatabasePath"] = db },
        (services, configuration) => services.AddRagStorage(configuration));

    public static ServiceProvider Postgres(string connectionString) => Build(
        new() { [StorageProvider.Key] = StorageProvider.Postgres, ["Rag:Storage:ConnectionString"] = connectionString },
        (services, configuration) => services.AddRagPostgresStorage(configuration));

    private static ServiceProvider Build(Dictionary<string, string?> settings, Func<IServiceCollection, IConfiguration, IServiceCollection> stores)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = stores(new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration), configuration)
            .AddRagIngestion(configuration)
            .AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(new HashEmbeddingGenerator())
            .AddRagRetrieval(configuration);
        services.AddRagAccounts(configuration);
        return services.BuildServiceProvider();
    }

    /// <summary>Ingests <paramref name="paths"/> (relative to the repository) and fails the test when one does not store.</summary>
    public static async Task IngestAsync(IServiceProvider services, params string[] paths)
    {
        var report = await services.GetRequiredService<IngestionPipeline>()
            .IngestPathsAsync(paths.Select(p => Path.Combine(RepositoryPaths.Root, p)).ToList(), new IngestRequest());
        Assert.True(report.Failed == 0, string.Join("; ", report.Files.Where(f => f.Error is not null).Select(f => f.Path + ": " + f.Error)));
    }

    /// <summary>Disposes the services and lets go of the SQLite file (pooled connections keep it open otherwise).</summary>
    public static async Task CloseAsync(ServiceProvider services)
    {
        await services.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }
}
