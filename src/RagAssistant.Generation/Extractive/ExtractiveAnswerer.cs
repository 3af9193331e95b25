using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RagAssistant.Core.Language;
using RagAssistant.Core.Relevance;
using RagAssistant.Core.Search;
using RagAssistant.Core.Text;
using RagAssistant.Generation.Extractive.Rules;

namespace RagAssistant.Generation.Extractive;

/// <summary>A unit of a numbered source with how well it answers the question.</summary>
/// <param name="Source">Index into the sources passed in (0-based).</param>
/// <param name="Coverage">Weighted share of the question's terms found in the unit (or, at a discount, in its chunk's headings).</param>
public sealed record ScoredUnit(int Source, AnswerUnit Unit, double Coverage, double Score)
{
    /// <summary>The question asks for a kind of value (a number, an interval, a date) that the unit does not state.</summary>
    public bool LacksAskedValue { get; init; }

    /// <summary>Indexes of the question's terms found in the unit itself (not in its headings).</summary>
    public IReadOnlySet<int> Found { get; init; } = new HashSet<int>();

    /// <summary>
    /// Indexes of the question's terms the quote answers for: found in the unit, or named by its document or headings
    /// (the CK6150 manual's alarm row answers for "CK6150" as well).
    /// </summary>
    public IReadOnlySet<int> Named { get; init; } = new HashSet<int>();

    /// <summary>Embedding similarity of the unit to the question (0 when not compared).</summary>
    public double Similarity { get; init; }

    /// <summary>How the score was built: the coverage, then each rule that changed it.</summary>
    public ScoreTrace Trace { get; init; } = new(0);

    /// <summary>
    /// For a table row whose key cells name what the question names (<see cref="Rules.KeyCellRule"/>), those cells'
    /// text: the row the question asks about; null otherwise.
    /// </summary>
    public string? NamedKey { get; init; }
}

/// <summary>What the extractive answerer found: the quotes it chose, best first, and the anchors no single source holds together.</summary>
/// <param name="MissingAnchors">Identifiers, numbers and editions of the question that no source holds together, and entry numbers
/// (第5工步) no quote holds while the best row names another entry: the question names something the documents lack.</param>
/// <param name="AbsentWords">Words of the question no source mentions — a manufacturing term (渗氮 where only 渗碳 is documented) or a
/// year — which lower the evidence score but never decide alone: a question's framing words are often paraphrased away.</param>
public sealed record ExtractiveSelection(IReadOnlyList<ScoredUnit> Quotes, double BestCoverage, IReadOnlyList<string> MissingAnchors)
{
    public IReadOnlyList<string> AbsentWords { get; init; } = [];

    /// <summary>
    /// The best quote answers for none of what the question asks beyond its identifiers ("the weight of the VMC850"
    /// answered by a sentence that only names the VMC850): it is about the right thing, not an answer.
    /// </summary>
    public bool AnswersOnlyIdentifiers { get; init; }

    /// <summary>Every candidate unit scored, best first (what <c>--explain</c> lists beside the quotes).</summary>
    public IReadOnlyList<ScoredUnit> Candidates { get; init; } = [];
}

/// <summary>
/// Picks the sentences and table rows of the top chunks that answer a question, without an LLM: every unit is scored by
/// the weighted share of the question's terms it contains (identifiers weigh most; a term found only in the chunk's
/// title or headings counts at a discount; terms found in nearly every candidate unit count less), with a small bonus
/// for the chunk's retrieval rank. The best unit is quoted, then up to <see cref="AnswerOptions.MaxQuotes"/> − 1 more
/// whose score comes close, within <see cref="AnswerOptions.MaxQuoteChars"/>. A question about changes or revisions
/// also quotes the best unit of each other revision among the sources.
/// </summary>
public sealed partial class ExtractiveAnswerer(IQueryAnalyzer analyzer, IOptions<AnswerOptions> options, ILogger<ExtractiveAnswerer> logger,
    IOptions<RelevanceOptions>? relevance = null)
{
    private readonly RelevanceOptions _relevance = (relevance ?? Options.Create(new RelevanceOptions())).Value;
    private readonly AnswerOptions _options = options.Value;

    /// <param name="sources">The chunks to quote from, best first (citation indexes refer to this list).</param>
    /// <param name="anchorPool">The chunks searched for the question's anchors (usually more than <paramref name="sources"/>).</param>
    /// <param name="similarity">Embedding similarity of unit texts to the question (<see cref="UnitSimilarity"/>); a unit not in it gets none.</param>
    public ExtractiveSelection Select(QuestionTerms question, IReadOnlyList<RetrievedChunk> sources, IReadOnlyList<RetrievedChunk> anchorPool,
        IReadOnlyDictionary<string, double>? similarity = null)
    {
        var pool = anchorPool.Select(c => new TextView(WithDocumentFacts(c), analyzer)).ToList();
        var documents = anchorPool.Select(c => new TextView(DocumentFacts(c), analyzer)).ToList();
        var ofKind = OfTheNamedKind(question, pool, documents);
        // Every chunk carries its document's identity: the chunks naming it are the named documents' chunks.
        var namedDocumentChunks = NamedDocumentSources(question, anchorPool).Select(i => pool[i]).ToList();
        var (missingAnchors, absentWords) = MissingAnchors(question, pool, documents, ofKind.Chunks, namedDocumentChunks);
        // An absent name lowers the evidence like any absent word (a name may be spelt otherwise: AWAC for Allied World).
        absentWords = [.. absentWords, .. AbsentNames(question, pool, sources)];
        // Named with the kind of document they were looked for in: the control plan lacks OP70, though a card has it.
        if (missingAnchors.Count > 0 && ofKind.Kinds.Count > 0) missingAnchors = [.. missingAnchors, .. ofKind.Kinds];
        var units = ScoreUnits(question, sources, similarity, _relevance.UnitSimilarity);
        if (units.Scored.Count == 0) return new ExtractiveSelection([], 0, missingAnchors) { AbsentWords = absentWords };
        var scored = units.Scored;

        if (logger.IsEnabled(LogLevel.Debug))
        {
            logger.LogDebug("Question terms: {Terms}; anchors: {Anchors}; missing: {Missing}",
                string.Join(" ", question.Terms.Select((t, i) => $"{t.Term}:{units.Weights[i]:0.00}")), string.Join(" ", question.Anchors), string.Join(" ", missingAnchors));
            foreach (var unit in scored.Take(5))
                logger.LogDebug("  {Score:0.000} cov {Coverage:0.000} [{Source}] {Text}", unit.Score, unit.Coverage, unit.Source, unit.Unit.Text.Length > 100 ? unit.Unit.Text[..100] : unit.Unit.Text);
        }
        var quotes = Choose(scored, question, sources, units.Weights, units.Total, units.ClauseSources);
        // A small number that picks the entry asked about (第5工步, 12 g) held by no quote, nor by the headings it stands
        // under, while the best quote is a table row whose key cells name another number (工步号 4, concentration 8 g):
        // that row is another entry of the table, the one asked about is not in the sources — the card has steps 1 to 4 —,
        // and the answer abstains, as for a missing identifier.
        var unheld = EntryQualifiers(question, analyzer.Fold(question.Query.Text)).Where(n => !quotes.Any(q => Holds(q, sources[q.Source], n, question))).ToList();
        if (unheld.Count > 0 && quotes.Count > 0 && NamesAnotherEntry(quotes[0], question)) missingAnchors = [.. missingAnchors, .. unheld];
        return new ExtractiveSelection(quotes, scored.Max(s => s.Coverage), missingAnchors)
        {
            AbsentWords = absentWords,
            AnswersOnlyIdentifiers = AnswersOnlyIdentifiers(question, quotes[0]),
            Candidates = scored,
        };
    }

    /// <summary>
    /// Whether the quote answers for none of the question's words beyond its identifiers (itself, by a translation, or by
    /// its headings), where the question has such words; a question asking what an identifier means (what does EX1006
    /// mean) asks nothing beyond it.
    /// </summary>
    private static bool AnswersOnlyIdentifiers(QuestionTerms question, ScoredUnit quote)
    {
        static bool Asked(WeightedTerm t) => !t.IsIdentifier && t.Weight > 0;
        return !question.AsksForDefinition && question.Terms.Any(t => Asked(t) && !t.IsExpansion)
               && !quote.Named.Any(i => Asked(question.Terms[i]));
    }

    /// <summary>Whether a quote is a table row or record whose key cells (<see cref="QuoteFormatter.KeyCells"/>) hold a number the question does not name.</summary>
    private static bool NamesAnotherEntry(ScoredUnit quote, QuestionTerms question) =>
        quote.Unit.Kind is UnitKind.TableRow or UnitKind.Record
        && QuoteFormatter.KeyCells(quote.Unit).SelectMany(NumberTokens.In).Any(n => !question.Intent.Numbers.Contains(n));

    /// <summary>Whether a quote, or the headings and document facts it stands under, states <paramref name="number"/>.</summary>
    private bool Holds(ScoredUnit quote, RetrievedChunk source, string number, QuestionTerms question) =>
        new TextView(quote.Unit.MatchText, analyzer).ContainsNumber(number, question.Intent)
        || new TextView(SurroundingsText(source, quote.Unit), analyzer).ContainsNumber(number, question.Intent);

    /// <summary>What a unit stands under: its group label inside the chunk, the chunk's headings and its document's facts.</summary>
    private static string SurroundingsText(RetrievedChunk source, AnswerUnit unit) => $"{unit.Section} {source.Context} {DocumentFacts(source)}";

    /// <summary>Whether the question writes <paramref name="number"/> as an end of a range or with a sign (229–269, −15 °C): a condition it quotes, not an entry.</summary>
    private static bool IsRangeEnd(string foldedQuestion, string number) =>
        foldedQuestion.Contains(number + "-", StringComparison.Ordinal) || foldedQuestion.Contains("-" + number, StringComparison.Ordinal);

    /// <summary>The units of the sources, scored as answers to the question, best first, with the term weights used.</summary>
    private sealed record UnitScores(List<ScoredUnit> Scored, double[] Weights, double Total, HashSet<int> ClauseSources);

    /// <summary>
    /// Every sentence and table row of the sources scored as an answer to the question, best first (<see cref="ScoredUnit.Source"/>
    /// indexes <paramref name="sources"/>); what <see cref="Select"/> quotes from and what evidence reranking orders chunks by.
    /// </summary>
    /// <param name="similarity">Embedding similarity of unit texts to the question (<see cref="UnitSimilarity"/>); a unit not in it gets none.</param>
    /// <param name="similarityWeight">What a similarity of 1 adds to a unit's score.</param>
    public IReadOnlyList<ScoredUnit> Score(QuestionTerms question, IReadOnlyList<RetrievedChunk> sources,
        IReadOnlyDictionary<string, double>? similarity = null, double similarityWeight = 0) =>
        ScoreUnits(question, sources, similarity, similarityWeight).Scored;

    private UnitScores ScoreUnits(QuestionTerms question, IReadOnlyList<RetrievedChunk> sources, IReadOnlyDictionary<string, double>? similarities,
        double similarityWeight)
    {
        var framingSources = FramingSources(question, sources);
        // Read once per group label and per source with its label: a chunk's units share a handful of them.
        var sections = new Dictionary<string, TextView>();
        var surroundings = new Dictionary<(int, string?), TextView>();
        TextView? Section(AnswerUnit unit) =>
            unit.Section is not { } label ? null
            : sections.TryGetValue(label, out var view) ? view : sections[label] = new TextView(label, analyzer);
        TextView Surroundings(int source, AnswerUnit unit) =>
            surroundings.TryGetValue((source, unit.Section), out var view) ? view
            : surroundings[(source, unit.Section)] = new TextView(SurroundingsText(sources[source], unit), analyzer);
        var candidates = new List<(int Source, AnswerUnit Unit, TextView View, TextView? Headword, TextView? Section, TextView Surroundings)>();
        var contexts = new List<TextView>();
        var documents = new List<TextView>();
        var facts = new List<TextView>();
        for (var i = 0; i < sources.Count; i++)
        {
            contexts.Add(new TextView(sources[i].Context, analyzer));
            documents.Add(new TextView(sources[i].Identity ?? "", analyzer));
            facts.Add(new TextView(DocumentFacts(sources[i]), analyzer));
            var isDefinition = Definitions.IsDefinitionSource(sources[i]);
            foreach (var unit in UnitSplitter.Split(sources[i].Text, _options.MaxSentenceChars))
            {
                // A glossary row is headword(s) then explanation: the headword says what the row is about, like a heading,
                // and only the explanation states facts.
                if (isDefinition && unit.Kind == UnitKind.TableRow && unit.Fields.Count >= 3)
                    candidates.Add((i, unit, new TextView(unit.Fields[^1].Value, analyzer),
                        new TextView(string.Join(" ", unit.Fields.SkipLast(1).Select(f => f.Value)), analyzer), Section(unit), Surroundings(i, unit)));
                else candidates.Add((i, unit, new TextView(unit.MatchText, analyzer), null, Section(unit), Surroundings(i, unit)));
            }
        }
        var clauseSources = ClauseSources(question, sources);
        var foldedQuestion = analyzer.Fold(question.Query.Text);
        var weights = question.Terms.Select(t => t.Weight * Rarity(t, candidates.Select(c => c.View))).ToArray();
        // Glossary expansions are other-language alternatives of the question's own terms: they add to what is matched
        // but not to what must be matched, so a Chinese passage is not penalised for lacking the English words.
        var total = question.Terms.Select((t, i) => t.IsExpansion ? 0 : weights[i]).Sum();
        // The follow-up's own words, and their translations: "挑出来多少件不良" is answered by "18 pcs NG found" as well.
        var focusWords = question.Terms.Where(t => t.IsFocus).Select(t => t.Term).ToHashSet();
        var focus = question.Terms.Select(t => t.IsFocus || t.Translates is { } from && from.Any(focusWords.Contains)).ToArray();
        // The kinds of value the question asks for (a torque, a hardness), read once per unit: when some unit states one,
        // a unit stating none holds some other number, not the one asked for. Kinds no unit states are no guide.
        IReadOnlyList<QuantityKind> askedQuantities = question.AsksForValue ? question.Intent.AskedKinds : [];
        var statesAskedQuantity = candidates.Select(c => askedQuantities.Any(q => q.IsStatedIn(c.Unit.Text, c.Unit.Fields))).ToArray();
        // What says which entry a row or a labelled block is, read once per unit: the KeyCell rule and the words every row shares use it.
        var keyCells = candidates.Select(c => KeyText(c.Unit) is { } key ? new TextView(key, analyzer) : null).ToArray();
        // The question's identifiers some candidate names, and the sources of a document one of whose candidates does (its
        // title page names the chip; its rating table does not, and is still about it).
        var identifiers = question.Terms.Where(t => t.IsIdentifier && !t.IsExpansion).ToList();
        var naming = candidates.Select(c => identifiers.Where(t => c.View.Contains(t) || c.Surroundings.Contains(t)).ToList()).ToList();
        var namedIdentifiers = identifiers.Where(t => naming.Any(n => n.Contains(t))).ToList();
        var namingDocuments = candidates.Where((_, i) => naming[i].Count > 0).Select(c => sources[c.Source].DocumentId).ToHashSet();
        var sourcesNaming = Enumerable.Range(0, sources.Count).Where(i => namingDocuments.Contains(sources[i].DocumentId)).ToHashSet();
        var context = new UnitQuestionContext
        {
            Question = question,
            QuestionTermSet = question.Terms.Select(t => t.Term).ToHashSet(),
            QuestionNumbers = question.Intent.Numbers.ToHashSet(),
            // Not the ends of a range the question quotes to check it ("还是 229–269 HBW 吗？"): the current value may differ.
            NamedNumbers = question.Numbers.Concat(Qualifiers(question))
                .Where(n => !IsRangeEnd(foldedQuestion, n))
                .Where(n => candidates.Any(c => c.View.ContainsNumber(n, question.Intent))).ToList(),
            NamedIdentifiers = namedIdentifiers,
            SourcesNamingIdentifiers = sourcesNaming,
            SomeUnitStatesAskedQuantity = statesAskedQuantity.Any(x => x),
            SomeUnitStatesAskedUnit = question.Intent.AskedUnits.Count > 0 && candidates.Any(c => question.Intent.StatesAskedUnit(c.Unit.MatchText)),
            HasFocus = question.Terms.Any(t => t.IsFocus),
            ClauseSources = clauseSources,
            // "A 版工艺卡上原来用的转速" asks about revision A: the current card's change record, or its rows, answer for B.
            OtherRevisions = OtherRevisions(question, sources),
            FramingSources = framingSources,
            NamedDocumentSources = NamedDocumentSources(question, sources),
            AsksRequirementOfSpecifications = question.Intent.AsksRequirement && candidates.Any(c => !IsDatedRecord(c.Unit)),
            TermsInEveryRow = TermsInEveryRow(question, keyCells.OfType<TextView>().ToList()),
            Analyzer = analyzer,
        };
        var rules = UnitRules.From(_relevance, similarityWeight);
        // A translation found stands for the question term it translates and earns that term's weight, once however many
        // of its translations a unit holds: an English question about a Chinese card is answered by the card's row, and
        // the row must not lose to a header line that merely repeats the question's identifiers.
        double TermCredit(int t, HashSet<string> translated)
        {
            if (question.Terms[t].Translates is not { Count: > 0 } from) return weights[t];
            if (from.Any(translated.Contains)) return 0;
            return Math.Max(weights[t], _relevance.TranslationCredit * SourceWeight(question, weights, question.Terms[t]));
        }
        // A title the question quotes names the document asked about when the document's title holds it ('Is the
        // Critical Reynolds Number Universal?', 《公司章程》): its words then hold for every unit of that document, as
        // the document's own number does — they say which document, not what to find in it.
        var quotedTitles = question.Intent.QuotedTitles.Select(t => new TextView(t, analyzer)).ToList();
        var titleTerm = question.Terms.Select(t => quotedTitles.Any(q => q.Contains(t))).ToArray();
        var namesQuotedTitle = sources.Select(s => question.Intent.QuotedTitles.Any(q => HoldsTitle(DocumentFacts(s), q))).ToArray();
        var headwordShare = question.AsksForDefinition ? 1 : _relevance.HeadingTermShare;
        var scored = candidates.Select((c, index) =>
        {
            double matched = 0;
            var found = new HashSet<int>();
            var named = new HashSet<int>();
            var focusOnUnit = false;
            var translated = new HashSet<string>();
            for (var t = 0; t < question.Terms.Count; t++)
            {
                var weight = TermCredit(t, translated);
                if (Counts(question.Terms[t], c.View)) { matched += weight; found.Add(t); if (focus[t]) focusOnUnit = true; }
                // A question asking what a word means is answered by the row whose headword it is; otherwise a headword counts like a heading.
                else if (c.Headword is not null && Counts(question.Terms[t], c.Headword)) { matched += weight * headwordShare; if (focus[t]) focusOnUnit = true; }
                // The document's own number (its identity: QA-2026-014 of the quality alert) belongs to every sentence of
                // it, as much as to the header line that happens to repeat it. Not so a machine or part its title names
                // (the CK6150 manual): that is what the document is about, and the sentence naming it may be the answer.
                else if (question.Terms[t].IsIdentifier && documents[c.Source].Contains(question.Terms[t])) matched += weight;
                else if (titleTerm[t] && namesQuotedTitle[c.Source]) matched += weight;
                // The group a row or line stands under inside the chunk is a heading of its own ("REFERENCE (ACOM)"), and the
                // machine or part the document's title or file name names is its first heading: the datasheet's timing row is
                // about the SSM2163 its title names, as much as a listing's comment that repeats the name is.
                else if (Counts(question.Terms[t], contexts[c.Source]) || c.Section is not null && Counts(question.Terms[t], c.Section)
                         || question.Terms[t].IsIdentifier && facts[c.Source].Contains(question.Terms[t]))
                    matched += weight * _relevance.HeadingTermShare;
                else continue;
                named.Add(t);
                if (question.Terms[t].Translates is { Count: > 0 } from) translated.UnionWith(from);
            }
            var coverage = total == 0 ? 0 : Math.Min(1, matched / total);
            var similarity = similarities?.GetValueOrDefault(c.Unit.Text) ?? 0;
            var candidate = new UnitCandidate
            {
                Source = c.Source, Unit = c.Unit, View = c.View, Surroundings = c.Surroundings, Similarity = similarity,
                NamesFocus = focusOnUnit, StatesAskedQuantity = statesAskedQuantity[index], KeyCells = keyCells[index], Context = context,
            };
            var trace = new ScoreTrace(coverage);
            var score = UnitRules.Apply(rules, candidate, trace);
            return new ScoredUnit(c.Source, c.Unit, coverage, score)
            {
                Found = found, Named = named, LacksAskedValue = candidate.LacksAskedValue, Similarity = similarity, Trace = trace,
                NamedKey = trace.Effects.Any(e => e.Rule == nameof(RelevanceOptions.KeyCell)) ? candidate.KeyCells!.Folded : null,
            };
        }).OrderByDescending(s => s.Score).ToList();
        return new UnitScores(scored, weights, total, clauseSources);
    }

    /// <summary>
    /// The quotes: the best unit; for a revision question the best unit of each other revision of its document; then
    /// further units scoring at least <see cref="AnswerOptions.FollowingQuoteRatio"/> of the best. A unit of a source not
    /// yet cited must score at least <see cref="AnswerOptions.OtherSourceRatio"/> of the best and add question terms the chosen units lack, worth <see cref="AnswerOptions.OtherSourceMinGain"/>
    /// of the question's weight: a second chunk must say something the first does not ("材料和毛坯" answered by two
    /// documents), not repeat it — each citation should hold something asked for.
    /// </summary>
    private List<ScoredUnit> Choose(List<ScoredUnit> scored, QuestionTerms question, IReadOnlyList<RetrievedChunk> sources, double[] weights, double total,
        HashSet<int> clauseSources)
    {
        var best = scored[0];
        var chosen = new List<ScoredUnit> { best };
        var chars = best.Unit.Text.Length;
        bool Fits(ScoredUnit u) => chosen.Count < _options.MaxQuotes && chars + u.Unit.Text.Length <= _options.MaxQuoteChars
                                   && !chosen.Any(c => c.Unit.Text == u.Unit.Text);
        void Take(ScoredUnit u) { chosen.Add(u); chars += u.Unit.Text.Length; }

        if (question.Query.AsksAboutRevisions && question.AsksWhatChanged)
        {
            // One quote per revision of the same document, so "what changed" shows the old and the new text ("which
            // revision is current" wants the current one only); of the revisions the question names, where it names some.
            var identity = sources[best.Source].Identity;
            foreach (var other in scored.Where(u => u.Source != best.Source && identity is not null
                                                    && (question.RevisionLetters.Count == 0 || question.NamesRevision(sources[u.Source].Revision))
                                                    && sources[u.Source].Identity == identity
                                                    && sources[u.Source].DocumentId != sources[best.Source].DocumentId
                                                    && u.Score >= best.Score * _options.RevisionQuoteRatio)
                         .GroupBy(u => sources[u.Source].DocumentId).Select(g => g.First()))
            {
                if (Fits(other)) Take(other);
            }
        }
        foreach (var unit in scored.Skip(1))
        {
            if (unit.Score < best.Score * _options.FollowingQuoteRatio) break;
            // A further quote must state the asked-for kind of value: one that does not only adds a citation.
            if (unit.LacksAskedValue) continue;
            // Chunks of the clause asked for are one passage of one document, split only by the chunker.
            var sameSource = chosen.Any(c => c.Source == unit.Source
                                             || clauseSources.Contains(c.Source) && clauseSources.Contains(unit.Source)
                                             && sources[c.Source].DocumentId == sources[unit.Source].DocumentId);
            // Another source must score nearly as well and add asked-for terms the chosen quotes lack: another chunk, even
            // of the same document (a second row of the card), is another citation that may not hold the answer.
            if (!sameSource && unit.Score < best.Score * _options.OtherSourceRatio) continue;
            // The row asked about, found again in another table (another sheet, another list of the same things), is
            // quoted beside the best however little it adds: its value may differ, and which table holds the answer is
            // for the reader to see, not for a small score difference to hide.
            var sameRowElsewhere = best.NamedKey is { } key && unit.NamedKey == key;
            if (!sameSource && !sameRowElsewhere && Gain(unit) < Math.Max(_options.OtherSourceMinGain * total, _options.MissingShare * Missing())) continue;
            if (Fits(unit)) Take(unit);
        }
        // The sentence after the best one in its paragraph is quoted with it: a statement is often completed by the next
        // sentence — the recommendation after the behaviour it ensures ("MUTE is active HIGH …" then "A 10 kΩ resistor to
        // +5 V is recommended"), the outcome after its subject —, and it adds no citation.
        if (_options.QuoteNextSentence && NextSentence(scored, best) is { } next && !chosen.Contains(next) && Fits(next))
        {
            chosen.Insert(1, next);
            chars += next.Unit.Text.Length;
        }
        // A unit of the best quote's own chunk that answers for asked terms the quotes lack is quoted too, however it
        // scores: it adds no citation, and a chunk often states the subject in one line and the asked fact in another
        // (the card's header names the part, a later line who is responsible for quality). What it answers for counts with
        // its group label: the chunk's own headings are the best quote's as well.
        foreach (var unit in scored.Skip(1))
        {
            if (unit.Source != best.Source || unit.LacksAskedValue || chosen.Contains(unit)) continue;
            if (Gain(unit, unit.Named) < _options.OtherSourceMinGain * total) continue;
            if (Fits(unit)) Take(unit);
        }
        return chosen;

        double Gain(ScoredUnit unit, IReadOnlySet<int>? terms = null)
        {
            var covered = chosen.SelectMany(c => c.Named).ToHashSet();
            var coveredTerms = covered.Select(t => question.Terms[t].Term).ToHashSet();
            // A translation found stands for the question term it translates, and weighs as much.
            return (terms ?? unit.Found).Where(t => !covered.Contains(t)
                                         && !(question.Terms[t].Translates is { } from && from.Any(coveredTerms.Contains)))
                .Sum(t => question.Terms[t].Translates is { Count: > 0 } ? SourceWeight(question, weights, question.Terms[t]) : weights[t]);
        }

        // The weight of the question's own terms the chosen quotes do not answer for, themselves or by a translation.
        double Missing()
        {
            var covered = chosen.SelectMany(c => c.Named).ToHashSet();
            var translated = covered.SelectMany(t => question.Terms[t].Translates ?? []).ToHashSet();
            return Enumerable.Range(0, question.Terms.Count)
                .Where(t => !question.Terms[t].IsExpansion && !covered.Contains(t) && !translated.Contains(question.Terms[t].Term))
                .Sum(t => weights[t]);
        }
    }

    /// <summary>The sentence that follows <paramref name="unit"/> in its paragraph (the same line of the same chunk), if it is a sentence.</summary>
    private static ScoredUnit? NextSentence(List<ScoredUnit> scored, ScoredUnit unit) =>
        unit.Unit.Place is { } place
            ? scored.FirstOrDefault(u => u.Source == unit.Source && u.Unit.Place == place with { Piece = place.Piece + 1 })
            : null;

    /// <summary>The weight of the question terms a translation stands for: all the words of a phrase, the largest of several words.</summary>
    private static double SourceWeight(QuestionTerms question, double[] weights, WeightedTerm expansion)
    {
        // A phrase's translation stands for all its words; a word's, for the heaviest of the terms it translates.
        var from = expansion.Translates ?? [];
        var (max, sum) = (0.0, 0.0);
        for (var t = 0; t < question.Terms.Count; t++)
            if (from.Contains(question.Terms[t].Term)) (max, sum) = (Math.Max(max, weights[t]), sum + weights[t]);
        return expansion.TranslatesPhrase ? sum : max;
    }

    /// <summary>
    /// Whether a text earns a term's weight: it contains the term, and — for a glossary expansion — not also the question
    /// term it translates (a bilingual row naming 主轴转速 and "spindle speed" has matched one word, not two).
    /// </summary>
    private static bool Counts(WeightedTerm term, TextView text) =>
        text.Contains(term) && !(term.IsExpansion && term.Translates is { Count: > 0 } from && from.Any(f => text.Contains(f, false)));

    /// <summary>
    /// Sources of sections that frame a document (<see cref="FramingSectionRule"/>) which the question does not ask about:
    /// definitions unless it asks for a meaning, purpose and scope unless it asks for a purpose, contents and forewords,
    /// revision histories unless it asks what changed or names a revision.
    /// </summary>
    private static Dictionary<int, string> FramingSources(QuestionTerms question, IReadOnlyList<RetrievedChunk> sources)
    {
        var found = new Dictionary<int, string>();
        for (var i = 0; i < sources.Count; i++)
        {
            if (!question.AsksForDefinition && Definitions.IsDefinitionSource(sources[i])) found[i] = "definitions";
            else if (!question.Intent.AsksPurpose && PurposeSections.IsPurposeSource(sources[i])) found[i] = "purpose or scope";
            else if (PurposeSections.IsFrontMatter(sources[i])) found[i] = "front matter";
            // A revision history says what changed between revisions ("换油周期由 4000 h 改为 5000 h"), not what is in force.
            // Nor when the question asks who wrote or approved the document: the revision record carries the names.
            else if (!question.Intent.AsksAboutRevisions && !question.Intent.AsksAuthor && PurposeSections.IsRevisionHistory(sources[i])) found[i] = "revision history";
        }
        return found;
    }

    /// <summary>
    /// Sources whose locator is a clause the question names ("4.2.3 条规定了什么" → the chunk of clause 4.2.3): the clause's own
    /// text answers, though its sentences do not repeat the clause number.
    /// </summary>
    private HashSet<int> ClauseSources(QuestionTerms question, IReadOnlyList<RetrievedChunk> sources)
    {
        var clauses = question.Anchors.Where(a => ClauseTerm().IsMatch(a)).ToHashSet();
        var found = new HashSet<int>();
        if (clauses.Count == 0) return found;
        for (var i = 0; i < sources.Count; i++)
        {
            var locator = sources[i].Locator.Trim();
            // The clause itself or one of its sub-clauses (5.2.1 of clause 5.2).
            var folded = locator.Replace('.', 'p');
            if (clauses.Any(c => folded == c || folded.StartsWith(c + "p", StringComparison.Ordinal))) found.Add(i);
        }
        return found;
    }

    /// <summary>
    /// Sources of another revision of a document whose revision the question names ("A 版工艺卡": the B card's rows and
    /// change record); none when the question names no revision the sources have.
    /// </summary>
    private static HashSet<int> OtherRevisions(QuestionTerms question, IReadOnlyList<RetrievedChunk> sources)
    {
        var named = sources.Where(s => s.Identity is not null && question.NamesRevision(s.Revision)).Select(s => s.Identity).ToHashSet();
        // Where the named revision is among the sources, a chunk of another lettered revision (ChunkRevisions: an operation
        // sheet whose rows state 版本 B) is another revision too, whatever document it belongs to.
        var namedPresent = sources.Any(s => ChunkRevisions.Of(s).Any(question.NamesRevision));
        // So is a chunk of another edition (Q/JD 105—2026) where the edition the question names (2021) is among them.
        var editionPresent = sources.Any(s => question.Intent.NamesEdition(s.Revision));
        return Enumerable.Range(0, sources.Count)
            .Where(i => sources[i].Identity is not null && named.Contains(sources[i].Identity) && !question.NamesRevision(sources[i].Revision)
                        || namedPresent && ChunkRevisions.OfAnotherThanNamed(question.Intent, sources[i])
                        || editionPresent && ChunkRevisions.OfAnotherEditionThanNamed(question.Intent, sources[i]))
            .ToHashSet();
    }

    /// <summary>A table row whose first cell is a date: one day's entry of a log (2026-04-23 | CK6150-03 | …).</summary>
    internal static bool IsDatedRecord(AnswerUnit unit) =>
        unit.Kind == UnitKind.TableRow && unit.Fields.Count > 1 && LanguagePatterns.StatesDate.Match(unit.Fields[0].Value) is { Success: true } m
        && m.Index == 0 && m.Length >= unit.Fields[0].Value.Trim().Length - 1;

    /// <summary>
    /// Sources of a document the question names by its own number (Q/JD 105, WI-AS-021, JD-MM-EQ-011: a question
    /// identifier that is the document's whole identity, not a part number its card is named after).
    /// </summary>
    private HashSet<int> NamedDocumentSources(QuestionTerms question, IReadOnlyList<RetrievedChunk> sources)
    {
        var identifiers = question.Terms.Where(t => t.IsIdentifier && !t.IsExpansion).Select(t => t.Term).ToHashSet();
        return Enumerable.Range(0, sources.Count)
            .Where(i => sources[i].Identity is { Length: > 0 } identity && identifiers.Contains(CompactText.Of(analyzer.Fold(identity))))
            .ToHashSet();
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\d+(p\d+)+$")]
    private static partial System.Text.RegularExpressions.Regex ClauseTerm();

    /// <summary>
    /// The chunk's text, its table rows with their column labels ("工序号 50 工序名称 铣花键": a row of a table whose
    /// header names the operation column holds that operation), and its document facts.
    /// </summary>
    private static string WithDocumentFacts(RetrievedChunk chunk)
    {
        var labelled = UnitSplitter.TableRows(chunk.Text).Select(u => u.MatchText);
        return $"{chunk.IndexedText}\n{string.Join("\n", labelled)}\n{DocumentFacts(chunk)}";
    }

    /// <summary>Whether <paramref name="facts"/> hold <paramref name="title"/>, letters and digits alike, whatever the case, spacing and punctuation.</summary>
    private bool HoldsTitle(string facts, string title)
    {
        static string Bare(string text) => string.Concat(text.Where(char.IsLetterOrDigit));
        var bare = Bare(analyzer.Fold(title));
        return bare.Length > 0 && Bare(analyzer.Fold(facts)).Contains(bare, StringComparison.Ordinal);
    }

    /// <summary>The document's title, identity, revision and file name, where identifiers of the document itself live.</summary>
    private static string DocumentFacts(RetrievedChunk chunk) =>
        $"{chunk.Title} {chunk.Identity}{(chunk.Revision is null ? "" : "-" + chunk.Revision)} {chunk.Revision} {Path.GetFileNameWithoutExtension(chunk.Source)}";

    /// <summary>A unit that states a time span: a number with a unit of time (2 h, 10 min, 3 天, 6 个月, 30 days).</summary>
    public static bool StatesDuration(string text) => LanguagePatterns.StatesDuration.IsMatch(text);

    /// <summary>A unit that states a calendar date (2026-02-01, 2026年2月1日, 2026/02/01, Feb 1, 2026).</summary>
    public static bool StatesDate(string text) => LanguagePatterns.StatesDate.IsMatch(text);

    /// <summary>
    /// A unit that states an interval or frequency: "周期 6 个月", "每班 3 件", "every 500 h", "quarterly" — not one that
    /// only holds a duration or a count ("停机时间 0.0 h", "12 把").
    /// </summary>
    public static bool StatesFrequency(string text) => LanguagePatterns.StatesFrequency.IsMatch(text);

    /// <summary>
    /// The chunks of the documents of the kind the question names as where its answer stands ("输出轴控制计划里 OP70 …": the
    /// control plan, by its title in either language), with the kind as the question wrote it; all chunks and no kind when
    /// it names none, or when no document of the pool is of that kind.
    /// </summary>
    private (List<TextView> Chunks, List<string> Kinds) OfTheNamedKind(QuestionTerms question, List<TextView> chunks, List<TextView> documents)
    {
        var named = LanguagePatterns.NamesDocumentKind.Matches(question.Query.Text).Select(m => m.Value).Distinct().ToList();
        var spellings = named.Select(analyzer.Fold).SelectMany(k => analyzer.Analyze(k).Expansions.Prepend(k)).Distinct().ToList();
        if (spellings.Count == 0) return (chunks, []);
        var ofKind = chunks.Where((_, i) => spellings.Any(k => documents[i].ContainsFolded(k))).ToList();
        return ofKind.Count > 0 ? (ofKind, named) : (chunks, []);
    }

    /// <summary>
    /// Anchors (identifiers and numbers) that no single source contains together with all the others, editions no
    /// document carries and the unit the answer is asked in that no source writes: these decide alone. Apart from them,
    /// the question's manufacturing terms no retrieved source mentions in either language (渗氮 when only 渗碳 is
    /// documented) and years no source holds (a report's sentences seldom repeat its year) — absent words that only lower
    /// the evidence score.
    /// </summary>
    /// <param name="anchorChunks">The chunks the identifiers and numbers must stand together in (<see cref="OfTheNamedKind"/>).</param>
    /// <param name="namedDocumentChunks">The chunks of the documents the question names by their number (Q/JD 305), if any.</param>
    private (List<string> Missing, List<string> Absent) MissingAnchors(QuestionTerms question, List<TextView> chunks, List<TextView> documents,
        List<TextView> anchorChunks, List<TextView> namedDocumentChunks)
    {
        var folded = analyzer.Fold(question.Query.Text);
        var absent = AbsentDomainTerms(question, chunks);
        var heads = absent.Where(term => IsHead(question, folded, term, chunks)).ToList();
        absent = absent.Except(heads).ToList();
        // A code the question names (alarm 2002) is no year, however its digits read.
        var codes = LanguagePatterns.AlarmCode.Matches(question.Query.Text).SelectMany(m => NumberTokens.In(m.Value)).ToHashSet();
        var years = question.Numbers.Where(n => IsYear(n) && !codes.Contains(n)).ToList();
        absent.AddRange(years.Where(y => !chunks.Any(c => c.ContainsNumber(y))));
        if (heads.Count > 0) return (heads, absent);
        // A question naming a document by its number asks about that document: a head term none of its chunks holds is not
        // in it, though another document has it ("Q/JD 305 对外圆磨床砂轮的平衡有什么要求": the standard's 外圆磨床 row checks
        // the guideway oil pressure; 砂轮 is a grinding card's word).
        var headsOutsideNamed = namedDocumentChunks.Count == 0 ? []
            : AbsentDomainTerms(question, namedDocumentChunks).Where(term => IsHead(question, folded, term, namedDocumentChunks)).ToList();
        if (headsOutsideNamed.Count > 0) return (headsOutsideNamed, absent);
        // An edition the question names ("2026 版") must be one of the documents' own revisions, each on its own — or, for
        // a question asking what changed since it, one a source names: the newer edition's foreword (代替 Q/JD 402—2021)
        // lists the changes from an edition the library does not hold.
        var absentEditions = question.Editions
            .Where(e => !documents.Any(d => d.ContainsNumber(e)) && !(question.AsksWhatChanged && chunks.Any(c => c.ContainsNumber(e))))
            .ToList();
        if (absentEditions.Count > 0) return (absentEditions, absent);
        // The unit the question wants its answer in (in V/µs, 多少 mm/year) that no retrieved source writes: the value is
        // not stated there in any form the question would accept.
        var absentUnits = question.Intent.AnswerUnits.Select(u => (Written: u, Folded: analyzer.Fold(u)))
            .Where(u => !chunks.Any(c => c.ContainsFolded(u.Folded))).Select(u => u.Written).ToList();
        if (absentUnits.Count > 0) return (absentUnits, absent);
        // A symbol the question quotes (含有“R”的三角形) or a chemical formula it names (H2) that no retrieved source writes
        // as a symbol of its own: the sources describe other symbols (“F”, “M”) or compounds (H2O), not the one asked about.
        // A formula may reach us with its digits set apart (subscripts: "CO 2").
        var symbols = question.Intent.QuotedSymbols.Select(s => (Written: s, Spellings: new[] { analyzer.Fold(s) }))
            .Concat(question.Intent.Formulas.Select(f => (Written: f, Spellings: new[] { analyzer.Fold(f), analyzer.Fold(Subscripted().Replace(f, " $1")) })));
        var absentSymbols = symbols.Where(s => !chunks.Any(c => s.Spellings.Any(c.ContainsSymbol))).Select(s => s.Written).ToList();
        if (absentSymbols.Count > 0) return (absentSymbols, absent);
        var numbers = question.Numbers.Where(n => !years.Contains(n)).ToList();
        if (question.Anchors.Count == 0 && numbers.Count == 0) return ([], absent);
        List<string>? fewestMissing = null;
        foreach (var chunk in anchorChunks)
        {
            var missing = question.Anchors.Where(a => !chunk.Contains(a, true))
                .Concat(numbers.Where(n => !chunk.ContainsNumber(n, question.Intent)))
                .ToList();
            if (fewestMissing is null || missing.Count < fewestMissing.Count) fewestMissing = missing;
            if (missing.Count == 0) break;
        }
        return (fewestMissing ?? question.Anchors.Concat(numbers).ToList(), absent);
    }

    /// <summary>
    /// The question's domain terms that none of <paramref name="chunks"/> mentions. A compound term counts as mentioned where
    /// its parts among the question's terms all are (检验频次: 检验项目 … 频次), a machining process where its verb is (铣削:
    /// 铣平面), a word where a longer term ends with it (参数: 切削参数, a kind of parameter).
    /// </summary>
    private static List<string> AbsentDomainTerms(QuestionTerms question, List<TextView> chunks) =>
        question.DomainTerms
            .Where(d => !chunks.Any(c => c.Contains(d.Term, false) || d.Translations.Any(t => c.Contains(t, false))
                                         || Parts(question, d.Term) is { Count: > 0 } parts && parts.All(p => c.Contains(p, false))
                                         || LanguagePatterns.ProcessVerb(d.Term) is { } verb && c.Contains(verb, false)))
            .Select(d => d.Term)
            .ToList();

    /// <summary>
    /// Whether an absent term heads what is asked. Chinese compounds put the modifier first: an absent term right before a
    /// word the chunks do have (数控 程序号, 松刀 传感器) only narrows what they have, and is incidental, as is one the question
    /// gives a number to (车间 −15 °C: a condition the question sets, not what it asks); an absent term that is itself the
    /// head of what is asked (渗氮件, 滚齿机: nothing the chunks have follows it) names something they lack, and abstains alone.
    /// </summary>
    private bool IsHead(QuestionTerms question, string folded, string term, List<TextView> chunks) =>
        !ModifiesAPresentWord(question, folded, term, chunks) && !GivesASetting(folded, term);

    /// <summary>
    /// The names the question capitalizes (the Ford Mustang) that no chunk searched holds, where the best source is written
    /// in Latin letters (<see cref="TextLanguage.WritesLatin"/>): a source in the question's language would write the name as it is (a
    /// name is not paraphrased), so the sources are about another one (the Ford Pantera). Under Chinese sources a name may
    /// only have been translated.
    /// </summary>
    private IEnumerable<string> AbsentNames(QuestionTerms question, List<TextView> chunks, IReadOnlyList<RetrievedChunk> sources)
    {
        if (question.Intent.ProperNames.Count == 0 || sources.Count == 0 || !TextLanguage.WritesLatin(sources[0].Text)) return [];
        return question.Intent.ProperNames.Where(n => !chunks.Any(c => c.Contains(analyzer.Fold(n), false)));
    }

    /// <summary>
    /// Small numbers the question qualifies its subject with (第5工步, 12 g, i = 20): they say which entry is asked about, as
    /// an alarm number does. Years, date parts (6月末) and numbers inside identifiers (OP60) are no qualifiers; numbers of
    /// three or more digits or with decimals are anchors already (the ends of a quoted range are left out with theirs).
    /// </summary>
    private static List<string> Qualifiers(QuestionTerms question)
    {
        var identifiers = question.Terms.Where(t => t.IsIdentifier).Select(t => t.Term).ToList();
        var dateParts = LanguagePatterns.DateParts(question.Query.Text);
        var places = LanguagePatterns.DocumentPlaces(question.Query.Text);
        return question.Intent.Numbers
            .Where(n => !n.Contains('.') && n.Length <= 2 && !question.Numbers.Contains(n) && !IsYear(n) && !dateParts.Contains(n) && !places.Contains(n))
            .Where(n => !identifiers.Any(i => i.Contains(n, StringComparison.Ordinal)))
            .ToList();
    }

    /// <summary>
    /// The <see cref="Qualifiers"/> a quote must hold for the question to be answered: not the ends of a range or a
    /// signed setting the question gives (4–5 years, 车间 −15 °C: a condition, which the answer need not repeat), and of a
    /// follow-up only its own (第3工步呢 after 第2工步: the earlier step is no longer asked about).
    /// </summary>
    private static List<string> EntryQualifiers(QuestionTerms question, string foldedQuestion)
    {
        var focus = question.Terms.Where(t => t.IsFocus).Select(t => t.Term).ToList();
        return Qualifiers(question)
            .Where(n => !IsRangeEnd(foldedQuestion, n))
            .Where(n => focus.Count == 0 || focus.Any(t => t.Contains(n, StringComparison.Ordinal)))
            .ToList();
    }

    /// <summary>Whether the question gives <paramref name="term"/> a number right after it (车间 −15 °C, 炉温 850 ℃): a setting of the question's own.</summary>
    private static bool GivesASetting(string folded, string term)
    {
        var at = folded.IndexOf(term, StringComparison.Ordinal);
        if (at < 0) return false;
        var rest = folded.AsSpan(at + term.Length).TrimStart();
        if (rest.Length > 0 && rest[0] is '-' or '−' or '+' or '±') rest = rest[1..];
        return rest.Length > 0 && char.IsAsciiDigit(rest[0]);
    }

    /// <summary>
    /// Whether the question's term right after <paramref name="term"/> (no space between) is a word of two or more
    /// characters some source holds as a word of its own — not only as the end of a longer dictionary term: the sources'
    /// 等级 of 性能等级 (a bolt's property class) is another 等级 than the question's 防爆等级, so 防爆 is what is asked
    /// about, not a modifier of something documented.
    /// </summary>
    private bool ModifiesAPresentWord(QuestionTerms question, string folded, string term, List<TextView> chunks)
    {
        var at = folded.IndexOf(term, StringComparison.Ordinal);
        if (at < 0) return false;
        var rest = folded[(at + term.Length)..];
        return question.Terms.Any(t => !t.IsExpansion && t.Term.Length >= 2 && t.Term != term && rest.StartsWith(t.Term, StringComparison.Ordinal)
                                       && chunks.Any(c => c.Contains(t) && (!t.Term.All(CjkText.IsCjk) || StandsOnItsOwn(c.Folded, t.Term, folded))));
    }

    /// <summary>
    /// Whether some occurrence of the Chinese <paramref name="word"/> in <paramref name="text"/> is not the end of a longer
    /// dictionary term that <paramref name="foldedQuestion"/> does not hold itself (the question's own 主轴转速 is its 转速).
    /// </summary>
    private bool StandsOnItsOwn(string text, string word, string foldedQuestion)
    {
        // The longest dictionary terms run to about eight characters; a modifier of four covers 性能, 标准公差, 湿度敏感.
        const int LongestModifier = 4;
        for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.Ordinal))
        {
            var isTail = false;
            for (var k = 1; k <= LongestModifier && at - k >= 0 && CjkText.IsCjk(text[at - k]) && !isTail; k++)
                isTail = text.Substring(at - k, k + word.Length) is var longer && analyzer.IsDomainTerm(longer) && !foldedQuestion.Contains(longer, StringComparison.Ordinal);
            if (!isTail) return true;
        }
        return false;
    }

    /// <summary>The digits of a formula, which PDF text often sets apart as subscripts.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"(\d+)")]
    private static partial System.Text.RegularExpressions.Regex Subscripted();

    /// <summary>A four-digit number from 1900 to 2099: a year, which frames a question more often than it names what is asked.</summary>
    private static bool IsYear(string number) => number.Length == 4 && (number.StartsWith("19", StringComparison.Ordinal) || number.StartsWith("20", StringComparison.Ordinal));

    /// <summary>
    /// Shorter Chinese terms of the question that together spell a compound term (检验 + 频次 = 检验频次); empty when they do not
    /// cover it all.
    /// </summary>
    private static List<string> Parts(QuestionTerms question, string term)
    {
        var parts = question.Terms.Where(t => !t.IsExpansion && !t.IsIdentifier && t.Term.Length >= 2 && t.Term.Length < term.Length
                                              && term.Contains(t.Term, StringComparison.Ordinal))
            .Select(t => t.Term).Distinct().ToList();
        var covered = new bool[term.Length];
        foreach (var part in parts)
            for (var at = term.IndexOf(part, StringComparison.Ordinal); at >= 0; at = term.IndexOf(part, at + 1, StringComparison.Ordinal))
                for (var k = at; k < at + part.Length; k++) covered[k] = true;
        return covered.All(c => c) ? parts : [];
    }

    /// <summary>
    /// What says which entry a unit is: a table row's key cells; a "label: value" line, a block of them or a label/value grid (a
    /// header block, a legend) holds one entry per pair, each named by its label. A card's one-line record is left out:
    /// giving it key cells measured worse (test answer_contains −0.013).
    /// </summary>
    private static string? KeyText(AnswerUnit unit) => unit switch
    {
        { Fields.Count: 0 } => null,
        { Kind: UnitKind.TableRow } => string.Join(" ", QuoteFormatter.KeyCells(unit)),
        { Kind: UnitKind.Record } when unit.Text.Contains('\n') => string.Join(" ", unit.Fields.Select(f => f.Label)),
        { Kind: UnitKind.Field } => unit.Fields[0].Label,
        _ => null,
    };

    /// <summary>Question terms in the key cells of every table row of the candidates (when there are two or more rows).</summary>
    private static HashSet<string> TermsInEveryRow(QuestionTerms question, IReadOnlyList<TextView> keyCells) =>
        keyCells.Count < 2 ? [] : question.Terms.Where(t => keyCells.All(k => k.Contains(t))).Select(t => t.Term).ToHashSet();

    /// <summary>Terms found in most candidate units tell them apart less (the part number repeated in every row of a card).</summary>
    private static double Rarity(WeightedTerm term, IEnumerable<TextView> units)
    {
        int n = 0, holding = 0;
        foreach (var unit in units)
        {
            n++;
            if (unit.Contains(term)) holding++;
        }
        return Core.Language.Rarity.Of(holding, n);
    }
}
