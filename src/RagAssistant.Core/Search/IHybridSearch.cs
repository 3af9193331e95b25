namespace RagAssistant.Core.Search;

/// <summary>Prepares questions and text for retrieval (folding, segmentation, identifiers, language, glossary).</summary>
public interface IQueryAnalyzer
{
    AnalyzedQuery Analyze(string question);

    /// <summary>
    /// The other-language terms the glossary adds to a text (and formulas it names), as <see cref="Analyze"/> gives them
    /// in <see cref="AnalyzedQuery.Expansions"/>, without the rest of the analysis: what a term or phrase translates to.
    /// </summary>
    IReadOnlyList<string> Expansions(string text);

    /// <summary>
    /// The English terms of a question that the glossary (or a formula) translates as a whole, each as the question writes
    /// it ("bad-debt provision", "how many shareholders", "heavy water"), with its expansions as <see cref="Expansions"/>
    /// gives them: which words a translation stands for.
    /// </summary>
    IReadOnlyList<(string English, IReadOnlyList<string> Expansions)> EnglishTranslations(string question);

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
