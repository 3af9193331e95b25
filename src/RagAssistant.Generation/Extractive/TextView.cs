using RagAssistant.Core.Language;
using RagAssistant.Core.Search;
using RagAssistant.Core.Text;

namespace RagAssistant.Generation.Extractive;

/// <summary>A piece of text folded once, with its identifier terms, so many question terms can be looked up in it cheaply.</summary>
public sealed partial class TextView
{
    private readonly string _folded;
    private readonly HashSet<string> _identifiers;
    private HashSet<string>? _numbers;
    private HashSet<string>? _numbersOutsideDates;
    private HashSet<string>? _values;
    private string? _unhyphenated;

    public TextView(string text, IQueryAnalyzer analyzer)
    {
        _folded = analyzer.Fold(text);
        _identifiers = analyzer.IdentifierTerms(text).ToHashSet();
    }

    /// <summary>The text folded (case, width, punctuation) as the question's terms are: two texts that read alike fold alike.</summary>
    public string Folded => _folded;

    public bool HasDigit => _folded.Any(char.IsAsciiDigit);

    /// <summary>
    /// True when the text holds a number other than these (the question's own numbers: a part number is no value) and
    /// outside a code: the digits of a station, tool or document code (AS2-03, TW-021-02, WI-AS-021) or of a material
    /// grade (40Cr, 20CrMnTi, 42CrMo4, HT250, 6061-T6: the material pattern of patterns.tsv, under which 24V stays a value)
    /// state no value.
    /// </summary>
    public bool HasNumberBeyond(IReadOnlySet<string> numbers) =>
        (_values ??= Checking.CitationChecker.Numbers(HyphenatedCode().Replace(LanguagePatterns.Material.Replace(_folded, " "), " ")).ToHashSet())
        .Any(n => !numbers.Contains(n));

    /// <summary>
    /// A station, tool or document code: letters, maybe digits, then hyphenated parts (AS2-03, CK6150-03, JD-2105-0200,
    /// QA-2026-014, CQI-9). Wider than the part-number pattern, which wants two digits after the letters: a code's digits
    /// are no value even where the code is no part number.
    /// </summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"(?<![A-Za-z\d])[A-Za-z]+\d*(?:-[A-Za-z\d]+)+")]
    private static partial System.Text.RegularExpressions.Regex HyphenatedCode();

    /// <summary>
    /// Whether the text states a number of the question, as written or, for one written with 万 or 亿, as the plain number.
    /// A number of one or two digits (step 5, 12 g, i = 20) counts only outside the text's dates: the 20 of 2026-05-20 or
    /// the 6 of 6月 is no entry's number.
    /// </summary>
    public bool ContainsNumber(string number, Core.Search.QuestionIntent intent) =>
        (IsSmall(number) ? ContainsNumberOutsideDates(number) : ContainsNumber(number))
        || intent.ScaledNumbers.TryGetValue(number, out var plain) && ContainsNumber(plain);

    private static bool IsSmall(string number) => number.Length <= 2 && number.All(char.IsAsciiDigit);

    private bool ContainsNumberOutsideDates(string number) =>
        (_numbersOutsideDates ??= Checking.CitationChecker.Numbers(
            LanguagePatterns.DatePart.Replace(LanguagePatterns.StatesDate.Replace(_folded, " "), " ")).ToHashSet()).Contains(number);

    /// <summary>True when the text holds this number as a number of its own (2002 is not part of 12002 or 2002.5).</summary>
    public bool ContainsNumber(string number) =>
        (_numbers ??= Checking.CitationChecker.Numbers(_folded).ToHashSet()).Contains(number);

    /// <summary>Whether the folded text holds <paramref name="symbol"/> (folded letters or digits) with no letter or digit either side: "r" in “R”, not in "rpm" or "R1".</summary>
    public bool ContainsSymbol(string symbol) => WordMatch.ContainsToken(_folded, symbol);

    /// <summary>Whether the folded text holds <paramref name="folded"/> anywhere, word boundaries or not (a unit symbol: "1C", "2.8 mm/year").</summary>
    public bool ContainsFolded(string folded) => _folded.Contains(folded, StringComparison.Ordinal);

    public bool Contains(WeightedTerm term) => Contains(term.Term, term.IsIdentifier);

    public bool Contains(string term, bool isIdentifier)
    {
        // An identifier not extracted from the text is found inside it only when it is a code (a letter, 4+ characters):
        // a bare number or a short code (m8, 60) inside other text is a coincidence. A rule of the identifier grammar, not a weight.
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
