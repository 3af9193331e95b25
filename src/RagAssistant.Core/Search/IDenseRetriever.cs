namespace RagAssistant.Core.Search;

/// <summary>Vector search over the stored chunks with the configured embedding model.</summary>
public interface IDenseRetriever
{
    /// <summary>True when the model embeds Chinese meaningfully (the built-in MiniLM does not: Chinese is mostly [UNK]).</summary>
    bool UnderstandsChinese { get; }

    /// <summary>The best chunks by cosine similarity to the embedded query, best first (score = cosine).</summary>
    Task<IReadOnlyList<ChunkHit>> SearchAsync(string query, SearchFilter filter, int top, CancellationToken cancellationToken = default);

    /// <summary>
    /// The stored unit-length vectors of <paramref name="chunkIds"/> (for diversity re-ranking); chunks without a vector of
    /// the model are left out. The default returns none.
    /// </summary>
    Task<IReadOnlyDictionary<long, float[]>> GetVectorsAsync(IReadOnlyCollection<long> chunkIds, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyDictionary<long, float[]>>(new Dictionary<long, float[]>());
}
