using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RagAssistant.Accounts;
using RagAssistant.Core.Storage;
using RagAssistant.Embeddings;
using RagAssistant.Generation;
using RagAssistant.Ingestion;
using RagAssistant.Retrieval;
using RagAssistant.Storage.Postgres;
using RagAssistant.Storage.Sqlite;

namespace RagAssistant.Cli;

/// <summary>
/// The CLI's composition root: configuration from appsettings.json beside the program, then environment variables
/// (<c>Rag__Storage__DatabasePath</c>), then command-line overrides such as <c>--db</c>; logs go to stderr only.
/// <c>Rag:Storage:Provider</c> = <c>postgres</c> keeps the knowledge base on a PostgreSQL server
/// (<c>Rag:Storage:ConnectionString</c>) instead of the SQLite file; the SQLite-only services (backup, check) are then
/// not registered, and the commands that need them stop with <see cref="SqliteOnly"/>'s error.
/// </summary>
internal static class CliServices
{
    public static ServiceProvider Build(string? databasePath, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var overrides = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>());
        if (databasePath is not null) overrides[$"{SqliteStorageOptions.Section}:DatabasePath"] = databasePath;

        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(overrides)
            .Build();
        var postgres = StorageProvider.IsPostgres(configuration);
        if (postgres && databasePath is not null)
            throw new CommandException(
                $"--db FILE names a SQLite file, but {StorageProvider.Key} is '{StorageProvider.Postgres}' (the knowledge base is at {PostgresStorageOptions.Section}:ConnectionString): drop --db, or set {StorageProvider.Key} to '{StorageProvider.Sqlite}'");

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging => logging
            .AddConfiguration(configuration.GetSection("Logging"))
            .AddSimpleConsole(o => o.SingleLine = true)
            // stdout carries only results (JSON with --json); every log line goes to stderr.
            .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace));
        if (postgres) services.AddRagPostgresStorage(configuration);
        else services.AddRagStorage(configuration);
        services.AddRagIngestion(configuration);
        services.AddRagEmbeddings(configuration);
        services.AddRagRetrieval(configuration); // after embeddings: dense search joins when a generator is registered
        services.AddRagGeneration(configuration);
        services.AddRagAccounts(configuration); // users, grants, keys, audit, and the ProtectedKnowledgeBase '--user' reads through
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }
}
