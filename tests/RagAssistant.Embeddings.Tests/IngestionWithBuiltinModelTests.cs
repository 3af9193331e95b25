using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RagAssistant.Core.Storage;
using RagAssistant.Embeddings.Models;
using RagAssistant.Ingestion;
using RagAssistant.Storage.Sqlite;
using RagAssistant.Testing;

namespace RagAssistant.Embeddings.Tests;

/// <summary>The pipeline composed as the CLI composes it, with the real built-in model (shared with the fixture).</summary>
[Collection(RealModelCollection.Name)]
public class IngestionWithBuiltinModelTests(RealModelFixture model) : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _temp.Dispose();
    }

    [Fact]
    public async Task Corpus_IsStoredWithBuiltinVectors_ForEveryChunk()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Rag:Storage:DatabasePath"] = _temp.File("kb.db"),
            ["Rag:Embeddings:Device"] = "cpu",
        }).Build();
        await using var services = new ServiceCollection().AddLogging()
            .AddRagStorage(configuration).AddRagIngestion(configuration).AddRagEmbeddings(configuration)
            // The fixture's already-loaded model instead of a second session.
            .AddSingleton(model.Provider).AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(model.Generator)
            .BuildServiceProvider();

        var report = await services.GetRequiredService<IngestionPipeline>().IngestPathsAsync([RepositoryPaths.Corpus], new IngestRequest());

        Assert.Equal(0, report.Failed);
        var count = Assert.Single(await services.GetRequiredService<IChunkVectorStore>().CountByModelAsync());
        Assert.Equal((BuiltinModel.Id, 384), (count.Model, count.Dimension));
        Assert.Equal(report.Files.Sum(f => f.Chunks), count.Chunks);
    }
}
