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
    /// Streams every stored vector of <paramref name="model"/> to <paramref name="add"/>, one at a time (no list of all
    /// of them is held), and returns the position of the index change log that the vectors are current to: all are read
    /// from one snapshot of the store, so <see cref="ReadIndexChangesAsync"/> from that position misses nothing.
    /// </summary>
    Task<long> ReadVectorsAsync(string model, Action<IndexedVector> add, CancellationToken cancellationToken = default);

    /// <summary>
    /// The changes to <paramref name="model"/>'s vectors after position <paramref name="afterSeq"/> of the index change
    /// log — chunks written or deleted, vectors replaced, documents re-marked or moved, by any process on the store — at
    /// most <paramref name="limit"/> log entries at a time, each resolved to the chunk's current vector or tag.
    /// </summary>
    Task<IndexChanges> ReadIndexChangesAsync(string model, long afterSeq, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// The knowledge base's write generation: it grows with every write of a chunk, a document's revision flags or
    /// library, or a library's name, by any process on the store, and never repeats, so an in-memory copy knows exactly
    /// when to reload. Reading it is cheap enough for every question.
    /// </summary>
    Task<long> WriteGenerationAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Loads chunks with their document facts, keeping only those that still exist and pass <paramref name="filter"/> —
    /// the caller's access filter is applied again here, to what is loaded now, whatever list the ids came from (an
    /// in-memory index may lag behind the store).
    /// </summary>
    Task<IReadOnlyList<RetrievedChunk>> GetChunksAsync(IReadOnlyCollection<long> chunkIds, SearchFilter filter, CancellationToken cancellationToken = default);
}
