using Microsoft.Extensions.AI;
using RagAssistant.Core.Documents;
using RagAssistant.Core.Embeddings;
using RagAssistant.Core.Storage;

namespace RagAssistant.Ingestion;

/// <summary>
/// Re-embeds every chunk whose vector is missing or was made by another model than the one that now reads it
/// (<c>rag reembed</c>): with the built-in pair, an English chunk wants all-MiniLM-L6-v2 and a Chinese or mixed one
/// bge-small-zh-v1.5 (<see cref="IEmbeddingModelCatalog.ModelFor"/>). Chunks are read in id order and embedded as
/// background work (questions first), and each batch's vectors are written in its own short transaction, so the app's
/// own writes (sign-ins, conversation turns) never wait behind the run. A run that stops keeps the batches it wrote; the
/// next one resumes with the chunks that still lack the wanted model. Meanwhile every chunk is searched with the model
/// its vector carries.
/// </summary>
public sealed class ReembedService(IChunkVectorStore store, IEmbeddingGenerator<string, Embedding<float>> embeddings)
{
    /// <summary>Chunks read, embedded and written per round (the generator batches further inside).</summary>
    public const int PageSize = 1024;

    // The generator names its models (ours: the provider); one that does not is a single model.
    private readonly IEmbeddingModelCatalog? _catalog = embeddings.GetService<IEmbeddingModelCatalog>();

    public async Task<ReembedReport> ReembedAsync(IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        var metadata = embeddings.GetService<EmbeddingGeneratorMetadata>();
        var primary = metadata?.DefaultModelId ?? throw new InvalidOperationException("the embedding generator names no model id");
        IReadOnlyList<string> models = _catalog is null ? [primary] : _catalog.Models.Select(m => m.Id).ToList();
        var updated = 0;
        var dimension = metadata.DefaultModelDimensions ?? 0; // the primary model's
        long after = 0;
        while (true)
        {
            var page = await store.GetChunksToEmbedAsync(after, PageSize, cancellationToken);
            if (page.Count == 0) break;
            after = page[^1].Id;
            var todo = page.Where(c => c.Model != WantedModel(c.IndexedText, primary)).ToList();
            if (todo.Count == 0) continue;
            var generated = await embeddings.GenerateAsync(todo.Select(c => c.IndexedText), EmbeddingPurpose.ForIngestion(), cancellationToken);
            var vectors = todo.Select((c, i) => (c.Id, new ChunkVector(generated[i].ModelId ?? primary, generated[i].Vector))).ToList();
            updated += await store.WriteVectorsAsync(vectors, cancellationToken);
            progress?.Report(updated);
        }
        var total = (await store.CountByModelAsync(cancellationToken)).Sum(c => c.Chunks);
        return new ReembedReport(string.Join(" + ", models), dimension, updated, total);
    }

    private string WantedModel(string text, string primary) => _catalog?.ModelFor(text) ?? primary;
}
