using Microsoft.Extensions.AI;
using RagAssistant.Core.Embeddings;
using RagAssistant.Core.Search;

namespace RagAssistant.Retrieval.Dense;

/// <summary>
/// Dense retrieval with the configured embedding model: the question is embedded as a query, then searched in the
/// shared <see cref="VectorIndexCache"/> (the stored vectors of that model only, kept in step with ingestion).
/// </summary>
public sealed class DenseRetriever(
    IEmbeddingGenerator<string, Embedding<float>> generator,
    VectorIndexCache indexCache) : IDenseRetriever
{
    /// <summary>The model id the stored vectors must carry (the generator's).</summary>
    public string ModelId => indexCache.ModelId;

    /// <summary>Whether the model reads Chinese (<see cref="VectorIndexCache.UnderstandsChinese"/>).</summary>
    public bool UnderstandsChinese => indexCache.UnderstandsChinese;

    public async Task<IReadOnlyList<ChunkHit>> SearchAsync(string query, SearchFilter filter, int top, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(query)) return [];
        var index = await indexCache.GetAsync(cancellationToken);
        if (index is null || index.Count == 0) return [];
        var embedding = await generator.GenerateAsync(query, EmbeddingPurpose.ForQuery(), cancellationToken);
        return index.Search(embedding.Vector.Span, top, VectorIndexCache.Allow(filter));
    }

    public async Task<IReadOnlyDictionary<long, float[]>> GetVectorsAsync(IReadOnlyCollection<long> chunkIds, CancellationToken cancellationToken = default)
    {
        var index = await indexCache.GetAsync(cancellationToken);
        var vectors = new Dictionary<long, float[]>();
        if (index is null) return vectors;
        foreach (var id in chunkIds)
            if (index.GetVector(id) is { } vector) vectors[id] = vector;
        return vectors;
    }
}
