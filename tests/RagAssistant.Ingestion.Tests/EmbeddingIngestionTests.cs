using RagAssistant.Testing;

namespace RagAssistant.Ingestion.Tests;

/// <summary>How ingestion stores vectors and how a change of model is re-embedded (hash embedder: fast, deterministic).</summary>
public class EmbeddingIngestionTests : IDisposable
{
    private readonly PipelineHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task Ingestion_StoresAVectorPerChunk_WithModelIdAndDimension()
    {
        await _h.IngestAsync(RepositoryPaths.Corpus);

        foreach (var doc in await _h.Store.ListAsync())
        foreach (var chunk in await _h.Store.GetChunksAsync(doc.Id))
        {
            Assert.Equal(HashEmbeddingGenerator.DefaultModelId, chunk.Model);
            Assert.Equal(_h.Embedder.Dimension, chunk.Dimension);
            var vector = await _h.Vectors.GetVectorAsync(chunk.Id);
            Assert.NotNull(vector);
            Assert.Equal(_h.Embedder.Embed(chunk.IndexedText), vector.Values.ToArray());
        }
        var counts = await _h.Vectors.CountByModelAsync();
        Assert.Equal(HashEmbeddingGenerator.DefaultModelId, Assert.Single(counts).Model);
    }

    [Fact]
    public async Task Reembed_AfterAModelChange_ReembedsEveryChunk_AndNothingTheSecondTime()
    {
        await _h.IngestAsync(RepositoryPaths.Corpus);
        var total = (await _h.Vectors.CountByModelAsync()).Sum(c => c.Chunks);

        using var changed = _h.WithEmbedder(new HashEmbeddingGenerator("test:hash-32", 32));
        var report = await changed.Reembed.ReembedAsync();

        Assert.Equal(("test:hash-32", 32, total, total), (report.Model, report.Dimension, report.Reembedded, report.Total));
        Assert.Equal(total, changed.Embedder.TextsEmbedded);
        var counts = Assert.Single(await changed.Vectors.CountByModelAsync());
        Assert.Equal(("test:hash-32", 32, total), (counts.Model, counts.Dimension, counts.Chunks));

        var again = await changed.Reembed.ReembedAsync();
        Assert.Equal(0, again.Reembedded);
    }

    [Fact]
    public async Task Reembed_StoppedHalfway_KeepsTheBatchesItWrote_AndResumesWithTheRest()
    {
        await _h.IngestAsync(RepositoryPaths.Corpus);
        var total = (await _h.Vectors.CountByModelAsync()).Sum(c => c.Chunks);
        using var changed = _h.WithEmbedder(new HashEmbeddingGenerator("test:hash-32", 32));

        // A run that wrote its first batch (half the chunks) and then died: those keep their new vectors.
        var page = await changed.Vectors.GetChunksToEmbedAsync(0, total / 2);
        await changed.Vectors.WriteVectorsAsync(page.Select(c => (c.Id, new Core.Documents.ChunkVector("test:hash-32", changed.Embedder.Embed(c.IndexedText)))).ToList());
        Assert.Equal(2, (await changed.Vectors.CountByModelAsync()).Count);

        var report = await changed.Reembed.ReembedAsync();
        Assert.Equal(total - page.Count, report.Reembedded);
        Assert.Equal(total - page.Count, changed.Embedder.TextsEmbedded);
        Assert.Equal("test:hash-32", Assert.Single(await changed.Vectors.CountByModelAsync()).Model);
    }
}
