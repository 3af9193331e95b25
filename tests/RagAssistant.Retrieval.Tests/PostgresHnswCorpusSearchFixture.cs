using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RagAssistant.Storage.Postgres;
using RagAssistant.Testing;

namespace RagAssistant.Retrieval.Tests;

/// <summary>The sample corpus in a fresh PostgreSQL database, dense search by its HNSW indexes (<c>Rag:Retrieval:DenseIndex</c> = <c>database</c>).</summary>
public sealed class PostgresHnswCorpusSearchFixture : CorpusSearchFixture
{
    protected override bool Available => PostgresCluster.Unavailable is null;

    protected override async Task<Dictionary<string, string?>> SettingsAsync() => new()
    {
        ["Rag:Storage:ConnectionString"] = await SharedPostgres.NewDatabaseAsync(),
        ["Rag:Retrieval:DenseIndex"] = "database",
    };

    protected override IServiceCollection AddStores(IServiceCollection services, IConfiguration configuration) =>
        services.AddRagPostgresStorage(configuration);
}
