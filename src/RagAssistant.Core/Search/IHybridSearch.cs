namespace RagAssistant.Core.Search;

/// <summary>Prepares questions and text for retrieval (folding, segmentation, identifiers, language, glossary).</summary>
public interface IQueryAnalyzer
{
    AnalyzedQuery Analyze(string question);
}

/// <summary>Hybrid retrieval (keyword + dense, fused); the retrieval layer implements it, answering and the UI use it.</summary>
public interface IHybridSearch
{
    Task<(AnalyzedQuery Query, IReadOnlyList<SearchResult> Results)> SearchAsync(
        string question, SearchOptions search, CancellationToken cancellationToken = default);
}
