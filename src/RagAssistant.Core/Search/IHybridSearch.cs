namespace RagAssistant.Core.Search;

/// <summary>Prepares questions and text for retrieval (folding, segmentation, identifiers, language, glossary).</summary>
public interface IQueryAnalyzer
{
    AnalyzedQuery Analyze(string question);

    /// <summary>Folds text like the index does (NFKC, lower case, unified dashes and Φ).</summary>
    string Fold(string text);

    /// <summary>True for a term of the manufacturing dictionaries (渗碳, 首件检验, 扭矩 …), given folded.</summary>
    bool IsDomainTerm(string term);

    /// <summary>The identifier terms of a text (part, standard, clause, operation numbers, materials, threads …), as the index stores them.</summary>
    IReadOnlyList<string> IdentifierTerms(string text);

    /// <summary>A follow-up question made standalone from the earlier questions of its conversation (rules, no LLM).</summary>
    string ComposeFollowUp(IReadOnlyList<string> history, string question);
}

/// <summary>Hybrid retrieval (keyword + dense, fused); the retrieval layer implements it, answering and the UI use it.</summary>
public interface IHybridSearch
{
    Task<(AnalyzedQuery Query, IReadOnlyList<SearchResult> Results)> SearchAsync(
        string question, SearchOptions search, CancellationToken cancellationToken = default);
}
