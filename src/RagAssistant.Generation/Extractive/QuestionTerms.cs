using RagAssistant.Core.Search;
using RagAssistant.Core.Text;

namespace RagAssistant.Generation.Extractive;

/// <summary>One weighted term of a question. Identifiers are matched as identifier terms, other terms as folded text.</summary>
public sealed record WeightedTerm(string Term, double Weight, bool IsIdentifier);

/// <summary>
/// A question as the extractive answerer and the evidence check see it: weighted terms (identifiers weigh most,
/// glossary expansions least, the follow-up's own words more than the words it inherited) and its anchors — the
/// identifiers and long Chinese terms that evidence must contain together, in one chunk.
/// </summary>
public sealed class QuestionTerms
{
    private const double IdentifierWeight = 3.0;
    private const double ExpansionWeight = 0.5;
    private const double FocusFactor = 2.0;

    private QuestionTerms(AnalyzedQuery query, IReadOnlyList<WeightedTerm> terms, IReadOnlyList<string> anchors)
    {
        Query = query;
        Terms = terms;
        Anchors = anchors;
    }

    public AnalyzedQuery Query { get; }
    public IReadOnlyList<WeightedTerm> Terms { get; }
    public IReadOnlyList<string> Anchors { get; }
    public string Language => Query.Language;

    /// <param name="query">The standalone query (a follow-up already rewritten).</param>
    /// <param name="focus">The question as asked, when it was a follow-up rewritten into <paramref name="query"/>: its own terms weigh more.</param>
    public static QuestionTerms From(AnalyzedQuery query, AnalyzedQuery? focus)
    {
        var focusTerms = focus is null ? [] : focus.Terms.ToHashSet();
        var identifiers = query.Identifiers.ToHashSet();
        var terms = new List<WeightedTerm>();
        foreach (var term in query.Terms)
        {
            var isIdentifier = identifiers.Contains(term);
            var weight = isIdentifier ? IdentifierWeight : BaseWeight(term);
            if (focusTerms.Contains(term)) weight *= FocusFactor;
            terms.Add(new WeightedTerm(term, weight, isIdentifier));
        }
        foreach (var identifier in query.Identifiers.Where(i => !query.Terms.Contains(i)))
            terms.Add(new WeightedTerm(identifier, IdentifierWeight, true));
        foreach (var expansion in query.Expansions)
            terms.Add(new WeightedTerm(expansion, ExpansionWeight * BaseWeight(expansion), false));

        var anchors = query.Identifiers
            .Concat(query.Terms.Where(t => !identifiers.Contains(t) && t.Length >= 4 && t.All(CjkText.IsCjk)))
            .Distinct()
            .ToList();
        return new QuestionTerms(query, terms, anchors);
    }

    /// <summary>Longer terms say more: a 2-character Chinese word or a short English word weighs 1, longer ones up to 2.</summary>
    private static double BaseWeight(string term)
    {
        var cjk = term.Any(CjkText.IsCjk);
        var extra = cjk ? term.Length - 2 : (term.Length - 4) / 3.0;
        var weight = 1.0 + Math.Clamp(extra * 0.5, 0, 1);
        return term.Any(char.IsDigit) ? weight + 0.5 : weight;
    }
}
