namespace RagAssistant.Core.Search;

/// <summary>
/// Nearest-neighbour search of the stored chunk vectors by the store itself (PostgreSQL: each model's HNSW index), so
/// that an app instance need not hold every vector in memory. Used for dense retrieval when
/// <c>Rag:Retrieval:DenseIndex</c> is <c>database</c>; stores without such an index do not offer it.
/// </summary>
public interface INearestChunks
{
    /// <summary>
    /// The <paramref name="k"/> chunks of <paramref name="model"/> nearest to <paramref name="query"/> by cosine, among
    /// those <paramref name="filter"/> lets through, best first, with score = cosine similarity (1 − cosine distance), the
    /// score the in-memory index gives. An approximate index may miss a few of the exact top k.
    /// </summary>
    Task<IReadOnlyList<ChunkHit>> NearestAsync(string model, ReadOnlyMemory<float> query, int k, SearchFilter filter, CancellationToken cancellationToken = default);

    /// <summary>The stored vectors of <paramref name="model"/> for <paramref name="chunkIds"/>, unit length (chunks without one are left out).</summary>
    Task<IReadOnlyDictionary<long, float[]>> VectorsAsync(string model, IReadOnlyCollection<long> chunkIds, CancellationToken cancellationToken = default);
}
