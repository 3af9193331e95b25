using RagAssistant.Core.Text;
using RagAssistant.Core.Search;

namespace RagAssistant.Generation.Extractive;

/// <summary>One weighted term of a question. Identifiers are matched as identifier terms, other terms as folded text.</summary>
/// <param name="IsExpansion">A glossary translation of a question term (matching it helps; lacking it costs nothing).</param>
/// <param name="Translates">For an expansion: the question terms it translates (empty when unknown). A passage holding
/// both a term and its translation — a bilingual glossary row — has said the word once, not twice.</param>
public sealed record WeightedTerm(string Term, double Weight, bool IsIdentifier, bool IsExpansion = false, IReadOnlyList<string>? Translates = null)
{
    /// <summary>A word of the follow-up itself ("心部" of "心部呢？"), not one inherited from the earlier question.</summary>
    public bool IsFocus { get; init; }
}

/// <summary>
/// A question as the extractive answerer and the evidence check see it: weighted terms (identifiers weigh most,
/// glossary expansions least, the follow-up's own words more than the words it inherited) and its anchors — the
/// identifiers and long Chinese terms that evidence must contain together, in one chunk.
/// </summary>
public sealed partial class QuestionTerms
{
    private const double IdentifierWeight = 3.0;
    private const double ExpansionWeight = 0.5;
    private const double FocusFactor = 2.0;

    private QuestionTerms(AnalyzedQuery query, IReadOnlyList<WeightedTerm> terms, IReadOnlyList<string> anchors,
        IReadOnlyList<string> numbers, IReadOnlyList<(string Term, IReadOnlyList<string> Translations)> domainTerms, IReadOnlyList<string> editions,
        bool asksWhatChanged)
    {
        AsksWhatChanged = asksWhatChanged;
        Editions = editions;
        RevisionLetters = RevisionLetter().Matches(query.Text).Select(m => m.Groups["l"].Value).Distinct().ToList();
        AsksForFrequency = FrequencyQuestion().IsMatch(query.Text);
        AsksForDate = DateQuestion().IsMatch(query.Text);
        AsksForDuration = !AsksForFrequency && DurationQuestion().IsMatch(query.Text);
        Query = query;
        Terms = terms;
        Anchors = anchors;
        Numbers = numbers;
        DomainTerms = domainTerms;
        AsksForValue = ValueQuestion().IsMatch(query.Text);
        AsksForDefinition = Definitions.AsksForDefinition(query.Text);
    }

    /// <summary>
    /// Years the question names as an edition or revision of a document ("2026 版", "2021 年版", "the 2026 edition", "Rev 2021"):
    /// documents carry them in their identity and revision ("Q/JD 105-2026"), not in the passage that answers, so they are
    /// matched against document facts, each on its own, and are not values the evidence must contain.
    /// </summary>
    public IReadOnlyList<string> Editions { get; }

    /// <summary>
    /// Letters of the revisions the question names ("A 版工艺卡", "版本 B", "Rev A"): it asks about those revisions, so text
    /// from another revision of the document answers another question.
    /// </summary>
    public IReadOnlyList<string> RevisionLetters { get; }

    /// <summary>Whether a document's revision ("A", "B/1", "C.2") is one the question names by its letter.</summary>
    public bool NamesRevision(string? revision) =>
        revision is { Length: > 0 } && RevisionLetters.Any(l => revision.StartsWith(l, StringComparison.Ordinal)
                                                                && (revision.Length == 1 || !char.IsAsciiLetterOrDigit(revision[1])));

    /// <summary>The question asks what changed or whether a value still holds (改了什么, 原来, 还是 … 吗, what changed): see <see cref="RevisionChanges"/>.</summary>
    public bool AsksWhatChanged { get; }

    /// <summary>The question asks how long (多久之内, 多长时间, how long): the answer states a time span.</summary>
    public bool AsksForDuration { get; }

    /// <summary>The question asks for a date (哪天, 什么时候, 日期, since when, what date): the answer states one.</summary>
    public bool AsksForDate { get; }

    /// <summary>The question asks how often something is done (多久…一次, 频次, 周期, how often): the answer states an interval or frequency.</summary>
    public bool AsksForFrequency { get; }

    /// <summary>The question asks what a word means or how it is said in the other language (什么是…, …是什么意思, what does … mean).</summary>
    public bool AsksForDefinition { get; }

    /// <summary>Numbers of three or more digits, or with decimals, that the question names (alarm 2002, 1.8 MPa): evidence must contain them.</summary>
    public IReadOnlyList<string> Numbers { get; }

    /// <summary>Manufacturing terms of the question (渗氮, 首件检验 …) with their glossary translations: some retrieved source must mention each.</summary>
    public IReadOnlyList<(string Term, IReadOnlyList<string> Translations)> DomainTerms { get; }

    /// <summary>The question asks for a value (多少, 几, how many, what torque …): passages without a digit answer it less.</summary>
    public bool AsksForValue { get; }

    public AnalyzedQuery Query { get; }
    public IReadOnlyList<WeightedTerm> Terms { get; }
    public IReadOnlyList<string> Anchors { get; }
    public string Language => Query.Language;

    /// <param name="query">The standalone query (a follow-up already rewritten).</param>
    /// <param name="focus">The question as asked, when it was a follow-up rewritten into <paramref name="query"/>: its own terms weigh more.</param>
    public static QuestionTerms From(AnalyzedQuery query, AnalyzedQuery? focus, IQueryAnalyzer analyzer)
    {
        var focusTerms = focus is null ? [] : focus.Terms.ToHashSet();
        var identifiers = query.Identifiers.ToHashSet();
        var terms = new List<WeightedTerm>();
        foreach (var term in query.Terms)
        {
            var isIdentifier = identifiers.Contains(term);
            var weight = isIdentifier ? IdentifierWeight : FunctionWord().IsMatch(term) ? 0 : BaseWeight(term);
            var isFocus = focusTerms.Contains(term);
            if (isFocus) weight *= FocusFactor;
            terms.Add(new WeightedTerm(term, weight, isIdentifier) { IsFocus = isFocus && weight > 0 });
        }
        foreach (var identifier in query.Identifiers.Where(i => !query.Terms.Contains(i)))
            terms.Add(new WeightedTerm(identifier, IdentifierWeight, true));
        var sources = TranslationSources(query, identifiers, analyzer);
        foreach (var expansion in query.Expansions)
            terms.Add(new WeightedTerm(expansion, ExpansionWeight * BaseWeight(expansion), false, IsExpansion: true,
                sources.TryGetValue(expansion, out var from) ? from : []));

        // Only identifiers anchor: a near miss names a part, operation, clause, thread or code the documents lack, while
        // ordinary words of a question are often paraphrased away in the text that answers it.
        var anchors = query.Identifiers.Distinct().ToList();
        var identifierText = string.Join(" ", anchors);
        var editions = EditionYear().Matches(query.Text).Select(m => m.Groups["y"].Success ? m.Groups["y"].Value : m.Groups["z"].Value).Distinct().ToList();
        var numbers = Checking.CitationChecker.Numbers(analyzer.Fold(query.Text))
            .Where(n => (n.Contains('.') || n.Length >= 3) && !identifierText.Contains(n, StringComparison.Ordinal) && !editions.Contains(n))
            .Distinct()
            .ToList();
        var domainTerms = query.Terms
            .Where(t => !identifiers.Contains(t) && t.Any(CjkText.IsCjk) && analyzer.IsDomainTerm(t))
            .Select(t => (t, (IReadOnlyList<string>)analyzer.Analyze(t).Expansions))
            .ToList();
        return new QuestionTerms(query, terms, anchors, numbers, domainTerms, editions, RevisionChanges.IsAskedIn(analyzer.Fold(query.Text)));
    }

    /// <summary>Which of the question's own terms each glossary expansion translates (an expansion may translate several).</summary>
    private static Dictionary<string, IReadOnlyList<string>> TranslationSources(AnalyzedQuery query, HashSet<string> identifiers, IQueryAnalyzer analyzer)
    {
        var sources = new Dictionary<string, List<string>>();
        foreach (var term in query.Terms.Where(t => !identifiers.Contains(t)).Distinct())
            foreach (var expansion in analyzer.Analyze(term).Expansions)
            {
                if (!sources.TryGetValue(expansion, out var list)) sources[expansion] = list = [];
                list.Add(term);
            }
        return sources.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<![\d.])(?<y>(19|20)\d\d)\s*(年版|版|年\s*版本|edition)|\b(rev(ision)?|edition)\.?\s*(?<z>(19|20)\d\d)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex EditionYear();

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<![A-Za-z\d])(?<l>[A-Z])\s*版|版本\s*[:：]?\s*(?<l>[A-Z])(?![A-Za-z\d])|\b(?i:rev(?:ision)?)\.?\s*(?<l>[A-Z])\b")]
    private static partial System.Text.RegularExpressions.Regex RevisionLetter();

    [System.Text.RegularExpressions.GeneratedRegex(@"(多久|多长时间|多少天|多少小时)[^？?，,。；;]{0,8}一次|周期|频次|频率|间隔|每隔|\bhow often\b|\binterval\b|\bfrequency\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex FrequencyQuestion();

    [System.Text.RegularExpressions.GeneratedRegex(@"哪天|哪一天|哪日|什么时候|何时|几月几[日号]|日期|\bwhat date\b|\bsince when\b|\bwhen (is|was|did|does|do|will)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex DateQuestion();

    [System.Text.RegularExpressions.GeneratedRegex(@"多久|多长时间|多少(分钟|小时|天)|\bhow long\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex DurationQuestion();

    /// <summary>
    /// Interrogatives, demonstratives and pronouns of a Chinese question (多厚, 怎么办, 哪台, 那些, 自己):
    /// they say how the question is asked, not what it is about, and the passage that answers never repeats them.
    /// </summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^(多[少久大长高厚重宽深远]\S*|怎么\S*|怎样|如何|哪\S*|什么\S*|为什么|为何|[那这]\S?|[那这]些|自己|我们|你们|他们|咱们|吗|呢|吧)$")]
    private static partial System.Text.RegularExpressions.Regex FunctionWord();

    [System.Text.RegularExpressions.GeneratedRegex(@"多少|几|多大|多久|多长|多高|多厚|多重|什么时候|哪天|哪一天|日期|\bhow (many|much|often|long|far|high|thick)\b|\bwhat\b(\s+[\w-]+){0,2}?\s+(torque|speed|feed|pressure|temperature|value|hardness|tolerance|size|interval|date|depth|diameter|thickness|run-?out|roughness|clearance|force)s?\b|\bwhen\b|\bmax(imum)?\b|\bmin(imum)?\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex ValueQuestion();

    /// <summary>Longer terms say more: a 2-character Chinese word or a short English word weighs 1, longer ones up to 2.</summary>
    private static double BaseWeight(string term)
    {
        var cjk = term.Any(CjkText.IsCjk);
        var extra = cjk ? term.Length - 2 : (term.Length - 4) / 3.0;
        var weight = 1.0 + Math.Clamp(extra * 0.5, 0, 1);
        return term.Any(char.IsDigit) ? weight + 0.5 : weight;
    }
}
