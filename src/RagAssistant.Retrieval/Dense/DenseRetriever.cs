using Microsoft.Extensions.AI;
using RagAssistant.Core.Embeddings;
using RagAssistant.Core.Search;

namespace RagAssistant.Retrieval.Dense;

/// <summary>
/// Dense retrieval with one embedding model: the question is embedded as a query by that model, then searched in its
/// <see cref="VectorIndexCache"/> (the stored vectors of that model only, kept in step with ingestion) — or, when
/// <paramref name="database"/> is given (<c>Rag:Retrieval:DenseIndex</c> = <c>database</c>), by the store's own index,
/// and the in-memory index is never loaded for it.
/// </summary>
public sealed class DenseRetriever(
    IEmbeddingGenerator<string, Embedding<float>> generator,
    VectorIndexCache indexCache,
    EmbeddingModelInfo model,
    bool namesModel,
    INearestChunks? database = null) : IDenseRetriever
{
    /// <summary>The model whose vectors this retriever searches.</summary>
    public EmbeddingModelInfo Model => model;

    /// <summary>The model id the stored vectors must carry.</summary>
    public string ModelId => indexCache.ModelId;

    public VectorIndexCache Index => indexCache;

    /// <summary>Whether the model reads Chinese (<see cref="VectorIndexCache.UnderstandsChinese"/>).</summary>
    public bool UnderstandsChinese => indexCache.UnderstandsChinese;

    public async Task<IReadOnlyList<ChunkHit>> SearchAsync(string query, SearchFilter filter, int top, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(query)) return [];
        if (database is not null) return await database.NearestAsync(ModelId, await EmbedQueryAsync(query, cancellationToken), top, filter, cancellationToken);
        var index = await indexCache.GetAsync(cancellationToken);
        if (index is null || index.Count == 0) return [];
        var vector = await EmbedQueryAsync(query, cancellationToken);
        return index.Search(vector.Span, top, VectorIndexCache.Allow(filter));
    }

    /// <summary>The question as this model's query vector.</summary>
    public async Task<ReadOnlyMemory<float>> EmbedQueryAsync(string query, CancellationToken cancellationToken = default)
    {
        var options = EmbeddingPurpose.ForQuery();
        // A generator of several models is told which one to use; a single-model generator needs no name.
        if (namesModel) options.ModelId = ModelId;
        return (await generator.GenerateAsync(query, options, cancellationToken)).Vector;
    }

    public async Task<IReadOnlyDictionary<long, float[]>> GetVectorsAsync(IReadOnlyCollection<long> chunkIds, CancellationToken cancellationToken = default)
    {
        if (database is not null) return await database.VectorsAsync(ModelId, chunkIds, cancellationToken);
        var index = await indexCache.GetAsync(cancellationToken);
        var vectors = new Dictionary<long, float[]>();
        if (index is null) return vectors;
        foreach (var id in chunkIds)
            if (index.GetVector(id) is { } vector) vectors[id] = vector;
        return vectors;
    }
}
