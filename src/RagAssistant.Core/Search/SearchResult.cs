namespace RagAssistant.Core.Search;

/// <summary>One retrieved chunk with its fused score and its rank in each retriever (null where it did not appear).</summary>
public sealed record SearchResult(int Rank, RetrievedChunk Chunk, double Score, int? DenseRank, int? KeywordRank)
{
    /// <summary>How the fused score was built: each list's share and each ranking rule that changed it (what <c>--explain</c> prints).</summary>
    public Relevance.ScoreTrace? Trace { get; init; }

    /// <summary>The dense retriever's own score (cosine similarity) where the chunk was in a dense list; null otherwise.</summary>
    public double? DenseScore { get; init; }

    /// <summary>The keyword retriever's own score (BM25, higher is better) where the chunk was in the keyword list; null otherwise.</summary>
    public double? KeywordScore { get; init; }
}

/// <summary>Which retrievers a search uses.</summary>
public enum RetrieverMode
{
    Hybrid,
    Dense,
    Keyword,
}

/// <summary>How to search: how many results, with which retrievers, within what.</summary>
/// <param name="Mmr">Re-rank the fused candidates by maximal marginal relevance: true or false for this search, null = as configured.</param>
/// <param name="Evidence">Re-order the best fused candidates by their best sentence or row (<see cref="IEvidenceReranker"/>), where one is
/// registered: true or false for this search, null = as configured. The extractive answerer, which reads the units itself, asks without.</param>
public sealed record SearchOptions(int Top = 10, RetrieverMode Mode = RetrieverMode.Hybrid, SearchFilter? Filter = null, bool? Mmr = null, bool? Evidence = null);
