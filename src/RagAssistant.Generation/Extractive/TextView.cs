using RagAssistant.Core.Text;
using RagAssistant.Core.Search;

namespace RagAssistant.Generation.Extractive;

/// <summary>A piece of text folded once, with its identifier terms, so many question terms can be looked up in it cheaply.</summary>
public sealed partial class TextView
{
    private readonly string _folded;
    private readonly HashSet<string> _identifiers;
    private HashSet<string>? _numbers;
    private HashSet<string>? _values;
    private string? _unhyphenated;

    public TextView(string text, IQueryAnalyzer analyzer)
    {
        _folded = analyzer.Fold(text);
        _identifiers = analyzer.IdentifierTerms(text).ToHashSet();
    }

    public bool HasDigit => _folded.Any(char.IsAsciiDigit);

    /// <summary>
    /// True when the text holds a number other than these (the question's own numbers: a part number is no value) and
    /// outside a code: the digits of a station, tool or document code (AS2-03, TW-021-02, WI-AS-021) or of a steel grade
    /// (40Cr, 20CrMnTi, 42CrMo, HT250) state no value.
    /// </summary>
    public bool HasNumberBeyond(IReadOnlySet<string> numbers) =>
        (_values ??= Checking.CitationChecker.Numbers(Code().Replace(_folded, " ")).ToHashSet()).Any(n => !numbers.Contains(n));

    /// <summary>
    /// A code: letters, maybe digits, then hyphenated parts (AS2-03, CK6150-03, JD-2105-0200, QA-2026-014), or a steel or
    /// iron grade (40Cr, 20CrMnTi, 65Mn, HT250; alloy symbols of two letters only, so 24V or 10mm stay values).
    /// </summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"(?<![A-Za-z\d])(?:[A-Za-z]+\d*(?:-[A-Za-z\d]+)+|\d{2}(?:cr|mn|mo|ni|si|ti)+[a-z]{0,4}(?![a-z\d])|ht\d{3}(?![a-z\d]))")]
    private static partial System.Text.RegularExpressions.Regex Code();

    /// <summary>True when the text holds this number as a number of its own (2002 is not part of 12002 or 2002.5).</summary>
    public bool ContainsNumber(string number) =>
        (_numbers ??= Checking.CitationChecker.Numbers(_folded).ToHashSet()).Contains(number);

    public bool Contains(WeightedTerm term) => Contains(term.Term, term.IsIdentifier);

    public bool Contains(string term, bool isIdentifier)
    {
        if (isIdentifier) return _identifiers.Contains(term) || _folded.Contains(term, StringComparison.Ordinal) && term.Any(char.IsLetter) && term.Length >= 4;
        // An English word must start a word ("oil" must not match "boil"); Chinese has no word boundaries to check. An
        // English word matches its other forms ("replaced" the row that says "Replace oil") and its hyphenated spelling
        // ("runout" the row that says "run-out").
        return ContainsWord(_folded, term) || _folded.Contains('-') && ContainsWord(_unhyphenated ??= Hyphen().Replace(_folded, ""), term);
    }

    private static bool ContainsWord(string text, string term) =>
        WordMatch.Contains(text, term) || EnglishStem.Of(term) is var stem && stem != term && WordMatch.Contains(text, stem);

    /// <summary>A hyphen inside an English word (run-out, finished-goods).</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"(?<=[a-z])-(?=[a-z])")]
    private static partial System.Text.RegularExpressions.Regex Hyphen();
}
