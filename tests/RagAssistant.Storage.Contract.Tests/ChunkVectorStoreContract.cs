using RagAssistant.Core.Documents;
using RagAssistant.Core.Search;
using static RagAssistant.Testing.StoreSamples;

namespace RagAssistant.Storage.Contract.Tests;

/// <summary>Re-embedding: chunks listed in id order with their model, vectors written in batches, counts per model and language.</summary>
public abstract class ChunkVectorStoreContract<TEngine> : StoreContract<TEngine> where TEngine : IStoreEngine
{
    [SkippableFact]
    public async Task ChunksToEmbed_ComeInIdOrder_WithTheirIndexedTextAndModel()
    {
        var kb = await OpenAsync();
        var plain = await kb.Documents.SaveAsync(Doc("a.md"), Chunks("one", "two"));
        await kb.Documents.SaveAsync(Doc("b.md", sha: "2"), Embedded("old", "three"));

        var first = await kb.Vectors.GetChunksToEmbedAsync(0, 2);
        var rest = await kb.Vectors.GetChunksToEmbedAsync(first[^1].Id, 10);

        Assert.Equal([("ctx\none", (string?)null), ("ctx\ntwo", null)], first.Select(c => (c.IndexedText, c.Model)));
        Assert.Equal(("ctx\nthree", "old"), (Assert.Single(rest).IndexedText, rest[0].Model));
        Assert.Equal((await kb.Documents.GetChunksAsync(plain.Id)).Select(c => c.Id), first.Select(c => c.Id));
    }

    [SkippableFact]
    public async Task WrittenVectors_AreReadBack_AndCounted_AndADeletedChunkIsSkipped()
    {
        var kb = await OpenAsync();
        var document = await kb.Documents.SaveAsync(Doc("a.md"), Chunks("spindle", "主轴 转速"));
        var ids = (await kb.Documents.GetChunksAsync(document.Id)).Select(c => c.Id).ToList();

        var updated = await kb.Vectors.WriteVectorsAsync([
            (ids[0], new ChunkVector("new", new float[] { 0.6f, 0.8f })),
            (ids[1], new ChunkVector("new", new float[] { 1, 0 })),
            (987654, new ChunkVector("new", new float[] { 0, 1 })),
        ]);

        Assert.Equal(2, updated);
        var vector = (await kb.Vectors.GetVectorAsync(ids[0]))!;
        Assert.Equal("new", vector.Model);
        Assert.Equal([0.6f, 0.8f], vector.Values.ToArray());
        Assert.Null(await kb.Vectors.GetVectorAsync(987654));
        Assert.Equal([new Core.Storage.ModelChunkCount("new", 2, 2)], await kb.Vectors.CountByModelAsync());
        Assert.Equal(
            [new Core.Storage.ModelLanguageCount("new", ChunkLanguage.English, 1), new Core.Storage.ModelLanguageCount("new", ChunkLanguage.Chinese, 1)],
            (await kb.Vectors.CountByModelAndLanguageAsync()).OrderBy(c => c.Language, StringComparer.Ordinal));
        Assert.All(await kb.Documents.GetChunksAsync(document.Id), c => Assert.Equal((2, "new"), (c.Dimension, c.Model)));
    }
}

public sealed class SqliteChunkVectorStoreContract : ChunkVectorStoreContract<SqliteEngine>;

public sealed class PostgresChunkVectorStoreContract : ChunkVectorStoreContract<PostgresEngine>;
