namespace RagAssistant.Core.Search;

/// <summary>A question prepared for retrieval.</summary>
/// <param name="Language">"zh" when the question is mostly Chinese, else "en".</param>
/// <param name="Terms">Segmented, folded query terms without stopwords, identifier terms included.</param>
/// <param name="Identifiers">Identifier terms (part, standard, clause, operation numbers, materials, threads …).</param>
/// <param name="Expansions">Terms of the other language from the glossary (segmented).</param>
/// <param name="AsksAboutRevisions">The question is about changes or older revisions, so superseded text is not demoted.</param>
public sealed record AnalyzedQuery(
    string Text,
    string Language,
    IReadOnlyList<string> Terms,
    IReadOnlyList<string> Identifiers,
    IReadOnlyList<string> Expansions,
    bool AsksAboutRevisions)
{
    /// <summary>What the question asks for (<see cref="QuestionIntent"/>), read once with the terms.</summary>
    public QuestionIntent Intent { get; init; } = QuestionIntent.None;

    /// <summary>True when nothing searchable is left (empty, punctuation or stopwords only).</summary>
    public bool IsEmpty => Terms.Count == 0 && Expansions.Count == 0;

    /// <summary>The FTS5 expression of the keyword search: the question's own terms and the glossary expansions, OR-ed.</summary>
    public string KeywordMatch => MatchExpression(Terms.Concat(Expansions));

    /// <summary>An FTS5 MATCH expression: every term double-quoted (so no FTS5 syntax leaks in) and OR-ed.</summary>
    public static string MatchExpression(IEnumerable<string> terms) =>
        string.Join(" OR ", terms.Select(t => "\"" + t.Replace("\"", "\"\"") + "\""));
}
