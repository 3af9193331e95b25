namespace RagAssistant.Core.Search;

/// <summary>Keyword search over the stored chunks and loading of found chunks for display and citation.</summary>
public interface IChunkSearch
{
    /// <summary>
    /// Runs an FTS5 MATCH expression (terms already segmented like the index) and returns the best chunks by BM25,
    /// best first, with score = −bm25 (higher is better).
    /// </summary>
    Task<IReadOnlyList<ChunkHit>> KeywordSearchAsync(string matchExpression, SearchFilter filter, int top, CancellationToken cancellationToken = default);

    /// <summary>Loads chunks with their document facts; chunks that no longer exist are left out.</summary>
    Task<IReadOnlyList<RetrievedChunk>> GetChunksAsync(IReadOnlyCollection<long> chunkIds, CancellationToken cancellationToken = default);
}
