namespace RagAssistant.Core.Search;

/// <summary>Keyword search over the stored chunks and loading of found chunks for display and citation.</summary>
public interface IChunkSearch
{
    /// <summary>
    /// Runs an FTS5 MATCH expression (terms already segmented like the index) and returns the best chunks by BM25,
    /// best first, with score = −bm25 (higher is better).
    /// </summary>
    Task<IReadOnlyList<ChunkHit>> KeywordSearchAsync(string matchExpression, SearchFilter filter, int top, CancellationToken cancellationToken = default);

    /// <summary>Every stored vector of <paramref name="model"/>, with the facts filters need (for the in-memory index).</summary>
    Task<IReadOnlyList<IndexedVector>> ReadVectorsAsync(string model, CancellationToken cancellationToken = default);

    /// <summary>
    /// A cheap fingerprint of the vectors of <paramref name="model"/> and of the revision flags: it changes whenever
    /// chunks of that model are added, replaced or deleted or a document becomes superseded, so an in-memory copy knows
    /// when to reload.
    /// </summary>
    Task<string> VectorSignatureAsync(string model, CancellationToken cancellationToken = default);

    /// <summary>Loads chunks with their document facts; chunks that no longer exist are left out.</summary>
    Task<IReadOnlyList<RetrievedChunk>> GetChunksAsync(IReadOnlyCollection<long> chunkIds, CancellationToken cancellationToken = default);
}
