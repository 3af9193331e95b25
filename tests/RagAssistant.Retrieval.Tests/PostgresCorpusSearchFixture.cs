using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RagAssistant.Storage.Postgres;
using RagAssistant.Testing;

namespace RagAssistant.Retrieval.Tests;

/// <summary>
/// The sample corpus ingested once into a fresh PostgreSQL database: the knowledge-base stores are PostgreSQL's
/// (registered before SQLite's, whose conversation and job stores stay), so the same retrieval tests run on both.
/// </summary>
public sealed class PostgresCorpusSearchFixture : CorpusSearchFixture
{
    protected override bool Available => PostgresCluster.Unavailable is null;

    protected override async Task<Dictionary<string, string?>> SettingsAsync() =>
        new() { ["Rag:Storage:ConnectionString"] = await SharedPostgres.NewDatabaseAsync() };

    protected override IServiceCollection AddStores(IServiceCollection services, IConfiguration configuration) =>
        services.AddRagPostgresStorage(configuration);
}
