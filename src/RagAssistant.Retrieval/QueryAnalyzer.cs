using System.Text.RegularExpressions;
using RagAssistant.Core.Search;
using RagAssistant.Core.Text;
using RagAssistant.Retrieval.Text;

namespace RagAssistant.Retrieval;

/// <summary>
/// Prepares a question: folds and segments it like the index, drops question words, detects its language, expands it
/// through the glossary, and notices when it asks about changes or older revisions. Very long input is cut to
/// <see cref="MaxQueryChars"/> characters (a pasted page is not a question, and FTS5 queries must stay small).
/// </summary>
public sealed partial class QueryAnalyzer(ManufacturingSegmenter segmenter, Glossary glossary) : IQueryAnalyzer
{
    public const int MaxQueryChars = 1000;
    private const int MaxTerms = 64;

    private static readonly HashSet<string> Stopwords =
    [
        "的", "了", "是", "在", "和", "与", "及", "或", "吗", "呢", "啊", "吧", "什么", "多少", "哪些", "哪个", "如何", "怎么", "怎样",
        "为什么", "是否", "有没有", "还是", "请问", "请", "一下", "这个", "那个", "为", "对", "中", "上", "把", "被", "要", "应", "应该", "需要",
        "the", "a", "an", "of", "to", "in", "on", "for", "is", "are", "was", "were", "be", "what", "which", "how", "when", "where",
        "who", "why", "does", "do", "did", "with", "by", "at", "from", "and", "or", "as", "that", "this", "it", "its", "should", "can",
        "i", "we", "you", "me", "my", "our", "there", "any",
    ];

    public AnalyzedQuery Analyze(string question)
    {
        var text = question.Length > MaxQueryChars ? question[..MaxQueryChars] : question;
        var folded = TextFolding.Fold(text);
        var terms = Clean(segmenter.Terms(folded));
        var expansions = Clean(glossary.Expand(folded).SelectMany(segmenter.Terms)).Except(terms).ToList();
        var identifiers = IdentifierExtractor.Terms(folded);
        return new AnalyzedQuery(text, LanguageOf(folded), terms.Take(MaxTerms).ToList(), identifiers, expansions.Take(MaxTerms).ToList(),
            RevisionQuestion().IsMatch(folded));
    }

    /// <inheritdoc />
    public string Fold(string text) => TextFolding.Fold(text);

    /// <inheritdoc />
    public bool IsDomainTerm(string term) => segmenter.IsDomainTerm(term);

    /// <inheritdoc />
    public IReadOnlyList<string> IdentifierTerms(string text) => IdentifierExtractor.Terms(TextFolding.Fold(text));

    /// <inheritdoc />
    public string ComposeFollowUp(IReadOnlyList<string> history, string question) => FollowUpQuery.Compose(history, question, segmenter.IsDomainTerm);

    /// <summary>"zh" when CJK characters are at least a third of the letters, else "en".</summary>
    public static string LanguageOf(string text)
    {
        int cjk = 0, letters = 0;
        foreach (var c in text)
        {
            if (CjkText.IsCjk(c)) { cjk++; letters++; }
            else if (char.IsLetter(c)) letters++;
        }
        // Latin letters come in words of several letters; a CJK character is a word on its own, so weigh it triple.
        return letters > 0 && cjk * 3 >= letters - cjk ? "zh" : "en";
    }

    private static List<string> Clean(IEnumerable<string> terms) =>
        terms.Where(t => !Stopwords.Contains(t) && t.Any(char.IsLetterOrDigit)).Distinct().ToList();

    [GeneratedRegex(@"改了|改动|变化|变更|区别|不同|差异|旧版|老版|以前|之前|历次|修订|[a-z]\s*版|版本\s*[a-z0-9]|rev(?:ision)?\s*[a-z0-9]|what changed|changes?\b|previous|older|difference|superseded|版本")]
    private static partial Regex RevisionQuestion();
}
