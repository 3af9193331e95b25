using RagAssistant.Core.Language;
using RagAssistant.Core.Relevance;
using RagAssistant.Core.Search;
using RagAssistant.Core.Text;

namespace RagAssistant.Generation.Extractive;

/// <summary>One weighted term of a question. Identifiers are matched as identifier terms, other terms as folded text.</summary>
/// <param name="IsExpansion">A glossary translation of a question term (matching it helps; lacking it costs nothing).</param>
/// <param name="Translates">For an expansion: the question terms it translates (empty when unknown). A passage holding
/// both a term and its translation — a bilingual glossary row — has said the word once, not twice.</param>
public sealed record WeightedTerm(string Term, double Weight, bool IsIdentifier, bool IsExpansion = false, IReadOnlyList<string>? Translates = null)
{
    /// <summary>An expansion translating a phrase as a whole ("bad debt provision" → 坏账准备): it stands for every word of <see cref="Translates"/>, not for one of them.</summary>
    public bool TranslatesPhrase { get; init; }

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
    private QuestionTerms(AnalyzedQuery query, IReadOnlyList<WeightedTerm> terms, IReadOnlyList<string> anchors,
        IReadOnlyList<(string Term, IReadOnlyList<string> Translations)> domainTerms)
    {
        Query = query;
        Terms = terms;
        Anchors = anchors;
        DomainTerms = domainTerms;
    }

    /// <summary>What the question asks for, read once by the query analyzer.</summary>
    public QuestionIntent Intent => Query.Intent;

    /// <summary>Years the question names as an edition ("2026 版"): matched against document facts, each on its own (<see cref="QuestionIntent.Editions"/>).</summary>
    public IReadOnlyList<string> Editions => Intent.Editions;

    /// <summary>Letters of the revisions the question names ("A 版工艺卡", "Rev A"): text from another revision answers another question.</summary>
    public IReadOnlyList<string> RevisionLetters => Intent.RevisionLetters;

    /// <summary>Whether a document's revision ("A", "B/1", "C.2") is one the question names by its letter.</summary>
    public bool NamesRevision(string? revision) => Intent.NamesRevision(revision);

    /// <summary>The question asks what changed or whether a value still holds: see <see cref="RevisionChanges"/>.</summary>
    public bool AsksWhatChanged => Intent.AsksWhatChanged;

    /// <summary>The question asks how long: the answer states a time span.</summary>
    public bool AsksForDuration => Intent.AsksDuration;

    /// <summary>The question asks for a date: the answer states one.</summary>
    public bool AsksForDate => Intent.AsksDate;

    /// <summary>The question asks how often something is done: the answer states an interval or frequency.</summary>
    public bool AsksForFrequency => Intent.AsksFrequency;

    /// <summary>The question asks what a word means or how it is said in the other language.</summary>
    public bool AsksForDefinition => Intent.AsksDefinition;

    /// <summary>Numbers of three or more digits, or with decimals, that the question names (alarm 2002, 1.8 MPa): evidence must contain them.</summary>
    public IReadOnlyList<string> Numbers => Intent.AnchorNumbers;

    /// <summary>Manufacturing terms of the question (渗氮, 首件检验 …) with their glossary translations.</summary>
    public IReadOnlyList<(string Term, IReadOnlyList<string> Translations)> DomainTerms { get; }

    /// <summary>The question asks for a value (多少, 几, how many, what torque …): passages without a number answer it less.</summary>
    public bool AsksForValue => Intent.AsksValue;

    public AnalyzedQuery Query { get; }
    public IReadOnlyList<WeightedTerm> Terms { get; }
    public IReadOnlyList<string> Anchors { get; }
    public string Language => Query.Language;

    /// <param name="query">The standalone query (a follow-up already rewritten).</param>
    /// <param name="focus">The question as asked, when it was a follow-up rewritten into <paramref name="query"/>: its own terms weigh more.</param>
    /// <param name="weights">The term weights (<see cref="RelevanceOptions"/>); the defaults when null.</param>
    public static QuestionTerms From(AnalyzedQuery query, AnalyzedQuery? focus, IQueryAnalyzer analyzer, RelevanceOptions? weights = null)
    {
        weights ??= new RelevanceOptions();
        var focusTerms = focus is null ? [] : focus.Terms.ToHashSet();
        var identifiers = query.Identifiers.ToHashSet();
        // A number saying where in a document the answer stands (表 1, section 4) is not in the text that answers: as a
        // term it would credit the row whose key cell happens to be 1.
        var places = LanguagePatterns.DocumentPlaces(query.Text);
        var terms = new List<WeightedTerm>();
        foreach (var term in query.Terms)
        {
            var isIdentifier = identifiers.Contains(term);
            var weight = isIdentifier ? weights.IdentifierTermWeight : QuestionWords.IsFunctionWord(term) || places.Contains(term) ? 0 : BaseWeight(term, weights);
            var isFocus = focusTerms.Contains(term);
            if (isFocus) weight *= weights.FollowUpFocusWeight;
            terms.Add(new WeightedTerm(term, weight, isIdentifier) { IsFocus = isFocus && weight > 0 });
        }
        foreach (var identifier in query.Identifiers.Where(i => !query.Terms.Contains(i)))
            terms.Add(new WeightedTerm(identifier, weights.IdentifierTermWeight, true));
        // Each of the question's own words and what the glossary translates it to, read once: the translations' sources
        // and the domain terms' translations below both use them.
        var own = query.Terms.Where(t => !identifiers.Contains(t)).Distinct().ToDictionary(t => t, analyzer.Expansions);
        var (sources, phrases) = TranslationSources(query, own, analyzer);
        foreach (var expansion in query.Expansions)
            terms.Add(new WeightedTerm(expansion, weights.TranslationTermWeight * BaseWeight(expansion, weights), false, IsExpansion: true,
                sources.TryGetValue(expansion, out var from) ? from : []) { TranslatesPhrase = phrases.Contains(expansion) });

        // Only identifiers anchor: a near miss names a part, operation, clause, thread or code the documents lack, while
        // ordinary words of a question are often paraphrased away in the text that answers it.
        var anchors = query.Identifiers.Distinct().ToList();
        var domainTerms = query.Terms
            .Where(t => !identifiers.Contains(t) && t.Any(CjkText.IsCjk) && analyzer.IsDomainTerm(t))
            .Select(t => (t, own[t]))
            .ToList();
        return new QuestionTerms(query, terms, anchors, domainTerms);
    }

    /// <summary>
    /// Which of the question's own terms each glossary expansion translates (an expansion may translate several): the
    /// term it is the translation of, or every term of the English phrase it translates as a whole ("bad debt provision"
    /// → 坏账准备, "receivables aged" → 账龄), which no word of the phrase has alone.
    /// </summary>
    /// <param name="own">The question's own words (identifiers aside), each with what the glossary translates it to alone.</param>
    private static (Dictionary<string, IReadOnlyList<string>> Sources, HashSet<string> Phrases) TranslationSources(AnalyzedQuery query,
        Dictionary<string, IReadOnlyList<string>> own, IQueryAnalyzer analyzer)
    {
        var sources = new Dictionary<string, List<string>>();
        var phrases = new HashSet<string>();
        foreach (var (term, expansions) in own)
            foreach (var expansion in expansions)
            {
                if (!sources.TryGetValue(expansion, out var list)) sources[expansion] = list = [];
                list.Add(term);
            }
        // The English phrases the glossary translates as a whole, as the question writes them ("bad-debt provision", "how
        // many shareholders", which the glossary reads as its "number of shareholders"): one term of the question's own in
        // the phrase is enough, and what its words alone translate to is no translation of the phrase.
        foreach (var (english, expansions) in analyzer.EnglishTranslations(query.Text))
        {
            var words = EnglishWord().Matches(english).Select(m => m.Value).ToList();
            if (words.Count < 2) continue;
            var terms = own.Keys.Where(words.Contains).ToList();
            if (terms.Count == 0) continue;
            var ofWords = terms.SelectMany(t => own[t]).ToHashSet();
            foreach (var expansion in expansions.Where(e => !ofWords.Contains(e) && !sources.ContainsKey(e)))
            {
                sources[expansion] = terms;
                phrases.Add(expansion);
            }
        }
        return (sources.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value), phrases);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"[a-z][a-z0-9]*")]
    private static partial System.Text.RegularExpressions.Regex EnglishWord();

    /// <summary>
    /// Longer terms say more: a short word (2 Chinese characters, 4 English letters by default) weighs 1, and each
    /// character beyond it adds <see cref="RelevanceOptions.TermLengthWeight"/> (an English word's letters counted
    /// <see cref="RelevanceOptions.EnglishLettersPerCharacter"/> to a character), up to
    /// <see cref="RelevanceOptions.TermLengthMaxWeight"/>; a digit adds <see cref="RelevanceOptions.DigitTermWeight"/>.
    /// With the defaults: 1 + 0.5 per extra character, at most 2, + 0.5 with a digit.
    /// </summary>
    private static double BaseWeight(string term, RelevanceOptions weights)
    {
        var extra = term.Any(CjkText.IsCjk)
            ? term.Length - weights.ShortChineseTermChars
            : (term.Length - weights.ShortEnglishTermLetters) / weights.EnglishLettersPerCharacter;
        var weight = 1.0 + Math.Clamp(extra * weights.TermLengthWeight, 0, weights.TermLengthMaxWeight);
        return term.Any(char.IsDigit) ? weight + weights.DigitTermWeight : weight;
    }
}
