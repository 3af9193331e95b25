namespace RagAssistant.Core.Search;

/// <summary>Vector search over the stored chunks with the configured embedding model.</summary>
public interface IDenseRetriever
{
    /// <summary>True when the model embeds Chinese meaningfully (the built-in MiniLM does not: Chinese is mostly [UNK]).</summary>
    bool UnderstandsChinese { get; }

    /// <summary>The best chunks by cosine similarity to the embedded query, best first (score = cosine).</summary>
    Task<IReadOnlyList<ChunkHit>> SearchAsync(string query, SearchFilter filter, int top, CancellationToken cancellationToken = default);
}
