using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RagAssistant.Core.Search;
using RagAssistant.Core.Storage;
using RagAssistant.Testing;

namespace RagAssistant.Storage.Postgres.Tests;

public sealed class PostgresServiceCollectionTests
{
    [SkippableFact]
    public async Task AddRagPostgresStorage_RegistersTheKnowledgeBaseStores_OnOneDatabase()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Rag:Storage:ConnectionString"] = await SharedPostgres.NewDatabaseAsync() })
            .Build();
        await using var services = new ServiceCollection().AddRagPostgresStorage(configuration).BuildServiceProvider();

        var documents = services.GetRequiredService<IDocumentStore>();
        Assert.IsType<PostgresDocumentStore>(documents);
        Assert.IsType<PostgresChunkSearch>(services.GetRequiredService<IChunkSearch>());
        Assert.IsType<PostgresChunkVectorStore>(services.GetRequiredService<IChunkVectorStore>());
        var saved = await documents.SaveAsync(StoreSamples.Doc("a.md"), StoreSamples.Chunks("spindle"));
        Assert.Equal(saved.Id, (await services.GetRequiredService<IChunkSearch>().GetChunksAsync(
            (await documents.GetChunksAsync(saved.Id)).Select(c => c.Id).ToList(), SearchFilter.None)).Single().DocumentId);
    }
}
