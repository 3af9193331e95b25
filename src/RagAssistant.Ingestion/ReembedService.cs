using Microsoft.Extensions.AI;
using RagAssistant.Core.Documents;
using RagAssistant.Core.Embeddings;
using RagAssistant.Core.Storage;

namespace RagAssistant.Ingestion;

/// <summary>
/// Re-embeds every chunk whose vector is missing or was made by another model than the configured one
/// (<c>rag reembed</c>). Chunks are read in id order, embedded in large batches and staged; when all are staged, one
/// transaction puts the new vectors in place. A crash before that leaves the old vectors untouched, and the staged
/// ones of the same model are kept, so the next run resumes where this one stopped.
/// </summary>
public sealed class ReembedService(IChunkVectorStore store, IEmbeddingGenerator<string, Embedding<float>> embeddings)
{
    /// <summary>Chunks read, embedded and staged per round (the generator batches further inside).</summary>
    public const int PageSize = 1024;

    public async Task<ReembedReport> ReembedAsync(IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        var metadata = embeddings.GetService<EmbeddingGeneratorMetadata>();
        var model = metadata?.DefaultModelId ?? throw new InvalidOperationException("the embedding generator names no model id");
        await store.BeginStagingAsync(model, cancellationToken);
        var staged = 0;
        var dimension = metadata.DefaultModelDimensions ?? 0;
        long after = 0;
        while (true)
        {
            var page = await store.GetChunksToEmbedAsync(model, after, PageSize, cancellationToken);
            if (page.Count == 0) break;
            var generated = await embeddings.GenerateAsync(page.Select(c => c.IndexedText), EmbeddingPurpose.ForPassage(), cancellationToken);
            var vectors = new List<(long, ChunkVector)>(page.Count);
            for (var i = 0; i < page.Count; i++)
            {
                vectors.Add((page[i].Id, new ChunkVector(generated[i].ModelId ?? model, generated[i].Vector)));
                dimension = generated[i].Vector.Length;
            }
            await store.StageVectorsAsync(vectors, cancellationToken);
            staged += page.Count;
            progress?.Report(staged);
            after = page[^1].Id;
        }
        var updated = await store.CommitStagedAsync(cancellationToken);
        var total = (await store.CountByModelAsync(cancellationToken)).Sum(c => c.Chunks);
        return new ReembedReport(model, dimension, updated, total);
    }
}
