using Microsoft.Extensions.Options;
using RagAssistant.Core.Language;
using RagAssistant.Core.Relevance;
using RagAssistant.Core.Search;
using RagAssistant.Core.Text;
using RagAssistant.Retrieval.Text;

namespace RagAssistant.Retrieval;

/// <summary>
/// Prepares a question: folds and segments it like the index, drops question words (<see cref="QuestionWords"/>), detects its language (<see cref="TextLanguage"/>), reads what it asks for (<see cref="QuestionIntent"/>), expands it
/// through the glossary, and notices when it asks about changes or older revisions. Very long input is cut to
/// <see cref="MaxQueryChars"/> characters (a pasted page is not a question, and FTS5 queries must stay small).
/// </summary>
/// <param name="relevance">How follow-ups are read (<c>Rag:Relevance</c>, <see cref="FollowUpQuery"/>); the defaults when null.</param>
public sealed partial class QueryAnalyzer(ManufacturingSegmenter segmenter, Glossary glossary, IOptions<RelevanceOptions>? relevance = null) : IQueryAnalyzer
{
    public const int MaxQueryChars = 1000;

    // A bound on the FTS5 query's size, as MaxQueryChars is; not a tuned number.
    private const int MaxTerms = 64;

    private readonly RelevanceOptions _relevance = relevance?.Value ?? new RelevanceOptions();

    public AnalyzedQuery Analyze(string question)
    {
        var text = Truncated(question);
        var folded = TextFolding.Fold(text);
        var (terms, expansions) = TermsAndExpansions(folded);
        var identifiers = IdentifierExtractor.Terms(folded);
        var intent = QuestionIntent.Of(text, folded, identifiers, IdentifierExtractor.Operations(folded), IdentifierExtractor.Materials(folded));
        return new AnalyzedQuery(text, TextLanguage.Of(folded), terms.Take(MaxTerms).ToList(), identifiers, expansions.Take(MaxTerms).ToList(),
            intent.AsksAboutRevisions) { Intent = intent };
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Expansions(string text)
    {
        var folded = TextFolding.Fold(Truncated(text));
        return TermsAndExpansions(folded).Expansions.Take(MaxTerms).ToList();
    }

    /// <inheritdoc />
    public IReadOnlyList<(string English, IReadOnlyList<string> Expansions)> EnglishTranslations(string question)
    {
        var folded = TextFolding.Fold(Truncated(question));
        return glossary.EnglishMatches(folded).Select(m => (m.English, (IReadOnlyList<string>)Clean(m.Chinese.SelectMany(segmenter.Terms))))
            .Concat(ChemicalFormula.CompoundsNamedIn(folded).Select(c => (c.Name, (IReadOnlyList<string>)[c.Formula.ToLowerInvariant()])))
            .ToList();
    }

    private static string Truncated(string text) => text.Length > MaxQueryChars ? text[..MaxQueryChars] : text;

    /// <summary>The query terms of a folded question and the glossary's (and formulas') expansions of it.</summary>
    private (List<string> Terms, List<string> Expansions) TermsAndExpansions(string folded)
    {
        // Interrogatives are blanked before segmenting: glued to a neighbour (孔多深) or cut apart (多 / 大) they would be
        // taken for content words.
        var terms = Clean(Unglued(segmenter.Terms(LanguagePatterns.Interrogative.Replace(Possessive().Replace(folded, ""), " "))).Concat(JoinedVerbs(folded)));
        // A date the question names (截至2010年6月30日) comes out of the segmenter cut into its numbers and the characters
        // 年, 月, 日: the month's and day's numbers and those characters stand in nearly every passage of a report, and
        // together they outweighed what was asked (a note defining the report's period beat the balance sheet's row). The
        // year stays a term.
        var dateParts = LanguagePatterns.DateParts(folded);
        terms = terms.Where(t => !dateParts.Contains(t) && t is not ("年" or "月" or "日" or "号")).ToList();
        // A Chinese glossary term counts where a word of the question starts (换刀 in 换刀片, 换油 in 换油周期), or where the
        // segmenter's search mode finds it inside a longer word; not from the middle of a word (天车 in 冬天车间).
        var wordStarts = segmenter.WordStarts(folded);
        var searchWords = terms.ToHashSet();
        var expansions = Clean(glossary.Expand(folded, (start, length) => wordStarts(start) || searchWords.Contains(folded.Substring(start, length)))
            .SelectMany(segmenter.Terms)).Concat(ChemicalFormula.NamedIn(folded)).Except(terms).ToList();
        return (terms, expansions);
    }

    /// <inheritdoc />
    public string Fold(string text) => TextFolding.Fold(text);

    /// <inheritdoc />
    public bool IsDomainTerm(string term) => segmenter.IsDomainTerm(term);

    /// <inheritdoc />
    public IReadOnlyList<string> IdentifierTerms(string text) => IdentifierExtractor.Terms(TextFolding.Fold(text));

    /// <inheritdoc />
    public string ComposeFollowUp(IReadOnlyList<string> history, string question) => FollowUpQuery.Compose(history, question, segmenter.IsDomainTerm, _relevance);

    // The possessive ending of "the product's hierarchy" is no word: left on, it is searched as the term "s".
    [System.Text.RegularExpressions.GeneratedRegex(@"(?<=\p{L})['’]s\b")]
    private static partial System.Text.RegularExpressions.Regex Possessive();

    /// <summary>
    /// The dictionary words a question splits with a count or an aspect word (换一次油 → 换油, 对一下刀 → 对刀): the text
    /// that answers writes them whole (换油周期), and the segmenter sees only the verb and the object apart. The longest
    /// joined form the dictionaries hold is taken; none when they hold none (改了哪些 is no word).
    /// </summary>
    private IEnumerable<string> JoinedVerbs(string folded)
    {
        foreach (System.Text.RegularExpressions.Match match in LanguagePatterns.SeparableVerb.Matches(folded))
        {
            var (verb, rest) = (match.Groups["v"].Value, match.Groups["o"].Value);
            var joined = Enumerable.Range(1, rest.Length).Reverse().Select(n => verb + rest[..n]).FirstOrDefault(segmenter.IsDomainTerm);
            if (joined is not null) yield return joined;
        }
    }

    /// <summary>
    /// Two Chinese characters that no dictionary holds as a word, one of them a function character (是, 用, 要, 的 …), were
    /// glued together by the segmenter's model for unknown words: 油用 (润滑油用什么), 期是 (质保期是多久), 要检 (要检几件).
    /// Such a term is found in no passage and weighed like a content word; its content character is kept instead.
    /// </summary>
    private IEnumerable<string> Unglued(IEnumerable<string> terms)
    {
        foreach (var term in terms)
        {
            if (term.Length == 2 && term.All(CjkText.IsCjk) && term.Any(LanguagePatterns.IsFunctionCharacter) && !segmenter.IsDictionaryWord(term))
            {
                foreach (var c in term.Where(c => !LanguagePatterns.IsFunctionCharacter(c))) yield return c.ToString();
            }
            else yield return term;
        }
    }

    private static List<string> Clean(IEnumerable<string> terms) =>
        terms.Where(t => !QuestionWords.IsFraming(t) && t.Any(char.IsLetterOrDigit)).Distinct().ToList();
}
