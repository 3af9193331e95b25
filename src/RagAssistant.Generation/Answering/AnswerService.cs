using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel.ChatCompletion;
using RagAssistant.Core.Answers;
using RagAssistant.Core.Relevance;
using RagAssistant.Core.Search;
using RagAssistant.Generation.Checking;
using RagAssistant.Generation.Extractive;
using RagAssistant.Generation.Llm;
using RagAssistant.Generation.Prompting;

namespace RagAssistant.Generation.Answering;

/// <summary>
/// Answers a question: makes a follow-up standalone (the LLM rewrites it when there is one, rules otherwise), retrieves
/// the sources, checks the evidence — and abstains when the question's identifiers are not found together in one source
/// or the best passage covers too little of the question — then lets the LLM write a cited answer through Semantic
/// Kernel (checked afterwards: invalid citations removed, untraceable numbers flagged) or, with no LLM configured,
/// quotes the passages that answer. Superseded sources are pointed out. Every turn is stored with its conversation.
/// </summary>
public sealed class AnswerService(
    IHybridSearch search,
    IQueryAnalyzer analyzer,
    ExtractiveAnswerer extractive,
    UnitSimilarity similarity,
    IConversationStore conversations,
    ChatModelProvider models,
    IOptions<AnswerOptions> options,
    IOptions<RelevanceOptions> relevance,
    ILogger<AnswerService> logger) : IQuestionAnswerer
{
    /// <summary>One Activity per question carries the evidence score and the rules that chose the quotes (OpenTelemetry listens by this name).</summary>
    public static readonly ActivitySource Activities = new("RagAssistant.Answers");

    /// <summary>
    /// Candidate units listed by an explanation besides the quoted ones. Not an option: it sizes what <c>--explain</c>
    /// shows, and no answer or score depends on it.
    /// </summary>
    private const int ExplainedUnits = 10;

    private readonly AnswerOptions _options = options.Value;

    public async Task<AnswerResult> AnswerAsync(AskRequest request, Func<string, ValueTask>? onDelta = null, CancellationToken cancellationToken = default)
    {
        var question = request.Question.Trim();
        if (question.Length == 0) throw new ArgumentException("the question is empty", nameof(request));
        var conversation = request.ConversationId is null ? null
            : await conversations.GetAsync(request.ConversationId, cancellationToken)
              ?? throw new KeyNotFoundException($"conversation {request.ConversationId} not found");
        var history = ReadableHistory(conversation?.Turns ?? [], request.Filter);
        var model = models.IsConfigured ? models.Get() : null;

        using var activity = Activities.StartActivity("answer");
        var clock = Stopwatch.StartNew();
        var query = await StandaloneQueryAsync(question, history, model, cancellationToken);
        // An LLM gets the sources re-ordered by their best sentence or row; the extractive answerer reads those units
        // itself, so it takes retrieval's own order (re-ordered by the same reading, it would count that reading twice
        // and let in rows retrieval ranked low for good reason).
        var (analyzed, results) = await search.SearchAsync(query,
            new SearchOptions(Math.Max(_options.AnchorSources, _options.Sources), RetrieverMode.Hybrid, request.Filter, Evidence: model is not null), cancellationToken);
        var retrieveMs = clock.Elapsed.TotalMilliseconds;

        clock.Restart();
        var focus = query == question ? null : analyzer.Analyze(question);
        var terms = QuestionTerms.From(analyzed, focus, analyzer, relevance.Value);
        var pool = results.Select(r => r.Chunk).ToList();
        var (sources, selection) = await SelectQuotesAsync(terms, pool, _options.ExtractiveSources, cancellationToken);
        // The best unit of the first chunks states no value of the kind asked (how often, what torque): the row that does
        // may stand further down the retrieved list (the spec table's 换油周期 row below the oil-change procedure).
        if (_options.WidenForAskedValue && selection.Quotes is [{ LacksAskedValue: true }, ..] && pool.Count > sources.Count)
        {
            var wider = await SelectQuotesAsync(terms, pool, pool.Count, cancellationToken);
            if (wider.Selection.Quotes is [{ LacksAskedValue: false }, ..]) (sources, selection) = wider;
        }
        var scores = results.ToDictionary(r => r.Chunk.ChunkId, r => r.Score);
        var evidence = EvidenceScore.Of(selection, _options);
        // The explanation is built only for a caller who asked for it or a listener on the question's Activity.
        var explain = request.Explain || activity is not null ? Explain(evidence, results, sources, selection) : null;
        if (activity is not null) Trace(activity, explain!, terms.Language);

        AnswerResult result;
        if (pool.Count == 0 || evidence.Abstained)
        {
            result = Abstain(AnswerTexts.NotFound(terms.Language, evidence.MissingAnchors), terms.Language, pool, scores);
        }
        else if (model is not null)
        {
            try
            {
                result = await GenerateAsync(model, question, terms.Language, pool.Take(_options.Sources).ToList(), history, scores, onDelta, cancellationToken);
            }
            catch (LlmException ex)
            {
                // The whole reason, endpoint and upstream text included, is for the log; the answer, which is stored
                // and shown, says only what kind of failure it was.
                logger.LogWarning("LLM unavailable, quoting instead: {Reason}", ex.Message);
                result = Quote(selection, terms, pool, scores, AnswerTexts.LlmUnavailable(terms.Language, ex.UserMessage));
            }
        }
        else
        {
            result = Quote(selection, terms, pool, scores, AnswerTexts.QuotingHeader(terms.Language));
        }
        if (model is null && onDelta is not null) await onDelta(result.Answer);

        result = result with { Timings = new AnswerTimings(Math.Round(retrieveMs, 1), Math.Round(clock.Elapsed.TotalMilliseconds, 1)) };
        var conversationId = conversation?.Id ?? await conversations.CreateAsync(question, request.Owner, cancellationToken);
        result = result with { ConversationId = conversationId };
        await conversations.AddTurnAsync(conversationId, question, query, result, cancellationToken);
        return request.Explain ? result with { Explain = explain } : result;
    }

    /// <summary>The extractive answerer's choice among the first <paramref name="count"/> chunks of the pool, which it quotes from.</summary>
    private async Task<(List<RetrievedChunk> Sources, ExtractiveSelection Selection)> SelectQuotesAsync(QuestionTerms terms, List<RetrievedChunk> pool, int count,
        CancellationToken cancellationToken)
    {
        var sources = pool.Take(count).ToList();
        var similarities = await similarity.ScoreAsync(terms, sources.SelectMany(c => UnitSplitter.Split(c.Text, _options.MaxSentenceChars)).Select(u => u.Text), cancellationToken);
        return (sources, extractive.Select(terms, sources, pool, similarities));
    }

    /// <summary>The evidence score, each source chunk's trace, and the quoted and best other candidate units with theirs.</summary>
    private static AnswerExplain Explain(EvidenceExplain evidence, IReadOnlyList<SearchResult> results, IReadOnlyList<RetrievedChunk> sources,
        ExtractiveSelection selection)
    {
        var scored = selection.Candidates;
        // An abstention quotes nothing: its best units are listed, none marked quoted.
        var quoted = evidence.Abstained ? [] : selection.Quotes.Select(q => (q.Source, q.Unit.Text)).ToHashSet();
        var units = scored.Where(u => quoted.Contains((u.Source, u.Unit.Text)))
            .Concat(scored.Where(u => !quoted.Contains((u.Source, u.Unit.Text))).Take(ExplainedUnits))
            .Select(u => new UnitExplain(u.Source + 1, sources[u.Source].ChunkId, u.Unit.Text, quoted.Contains((u.Source, u.Unit.Text)),
                Math.Round(u.Score, 6), Math.Round(u.Trace.Base, 6), ChunkExplain.Rounded(u.Trace)))
            .ToList();
        return new AnswerExplain(evidence, results.Take(sources.Count).Select(ChunkExplain.From).ToList(), units);
    }

    /// <summary>The same explanation on the question's Activity: tags for the decision, one event per source chunk and quoted unit.</summary>
    private static void Trace(Activity activity, AnswerExplain explain, string language)
    {
        activity.SetTag("rag.language", language);
        activity.SetTag("rag.evidence.score", explain.Evidence.Score);
        activity.SetTag("rag.evidence.threshold", explain.Evidence.Threshold);
        activity.SetTag("rag.abstained", explain.Evidence.Abstained);
        foreach (var chunk in explain.Chunks)
            activity.AddEvent(new ActivityEvent("chunk", tags: new ActivityTagsCollection
            {
                ["rank"] = chunk.Rank, ["chunk_id"] = chunk.ChunkId, ["score"] = chunk.Score,
                ["rules"] = string.Join("; ", chunk.Rules.Select(r => $"{r.Rule} {r.Before:0.######}→{r.After:0.######} ({r.Evidence})")),
            }));
        foreach (var unit in explain.Units.Where(u => u.Quoted))
            activity.AddEvent(new ActivityEvent("quote", tags: new ActivityTagsCollection
            {
                ["source_rank"] = unit.SourceRank, ["chunk_id"] = unit.ChunkId, ["coverage"] = unit.Base, ["score"] = unit.Score,
                ["rules"] = string.Join("; ", unit.Rules.Select(r => $"{r.Rule} {r.Before:0.###}→{r.After:0.###} ({r.Evidence})")),
            }));
    }

    /// <summary>
    /// The earlier turns the answer may build on: a turn whose answer cited a library the asker may no longer read (a
    /// revoked grant) keeps its question but loses its answer, so quoted text never reaches the model's prompt again.
    /// </summary>
    private static IReadOnlyList<ConversationTurn> ReadableHistory(IReadOnlyList<ConversationTurn> turns, SearchFilter? filter)
    {
        if (filter?.Libraries is not { Count: > 0 } readable) return turns;
        return turns.Select(t => t.Answer.Citations.All(c => c.Library is not null && readable.Contains(c.Library, StringComparer.Ordinal))
            ? t
            : t with { Answer = t.Answer with { Answer = "", Citations = [] } }).ToList();
    }

    private async Task<string> StandaloneQueryAsync(string question, IReadOnlyList<ConversationTurn> history, ChatModel? model, CancellationToken ct)
    {
        if (history.Count == 0) return question;
        var rules = analyzer.ComposeFollowUp(history.Select(t => t.Query).ToList(), question);
        if (model is null) return rules;
        try
        {
            // Guards, not tuned numbers: a rewritten query needs no more than 120 tokens, and a reply longer than 500
            // characters is the model answering instead of rewriting.
            var rewritten = (await model.CompleteAsync(FollowUpPrompt.Build(question, history.TakeLast(_options.HistoryTurns).ToList()), 120, ct)).Trim();
            return rewritten.Length is > 0 and <= 500 ? rewritten : rules;
        }
        catch (LlmException ex)
        {
            logger.LogWarning("LLM could not rewrite the follow-up question, using rules: {Reason}", ex.Message);
            return rules;
        }
    }

    private async Task<AnswerResult> GenerateAsync(ChatModel model, string question, string language, List<RetrievedChunk> sources,
        IReadOnlyList<ConversationTurn> history, Dictionary<long, double> scores, Func<string, ValueTask>? onDelta, CancellationToken ct)
    {
        var chat = AnswerPrompt.Build(question, sources, history.TakeLast(_options.HistoryTurns).ToList());
        // What is streamed has passed the same check as the answer (CheckedStream): a marker of a source not given, or
        // a link, never shows, not even until the answer is done, and the deltas add up to the checked reply. The
        // answer returned may still differ from them — a reply citing nothing becomes an abstention, a superseded
        // source gets a note — so callers show the returned text in the end: the chat page puts it in place of the
        // streamed text, and /api/ask sends it in its done event.
        var stream = new CheckedStream(reply => CitationChecker.CheckedText(MarkdownLinks.AsPlainText(reply), sources.Count));
        await foreach (var delta in model.StreamAsync(chat, ct))
        {
            var released = stream.Push(delta);
            if (released.Length > 0 && onDelta is not null) await onDelta(released);
        }
        var rest = stream.Complete();
        if (rest.Length > 0 && onDelta is not null) await onDelta(rest);
        var checkedAnswer = CitationChecker.Check(MarkdownLinks.AsPlainText(stream.Reply), sources.Count, n => CheckedSourceText(sources[n - 1]), question);
        var checks = new AnswerChecks(checkedAnswer.RemovedCitations, checkedAnswer.UnsupportedNumbers);
        if (checkedAnswer.Cited.Count == 0)
        {
            var reply = checkedAnswer.Text.Length == 0 ? AnswerTexts.NotFound(language, []) : checkedAnswer.Text + "\n" + AnswerTexts.Uncited(language);
            return Abstain(reply, language, sources, scores) with { Checks = checks };
        }
        var citations = checkedAnswer.Cited
            .Select(n => ToCitation(n, sources[n - 1], SupportingText(sources[n - 1], checkedAnswer.Text, n), scores))
            .ToList();
        var notes = SourceNotes(language, checkedAnswer.Cited.Select(n => (n, sources[n - 1])).ToList(), sources);
        return new AnswerResult
        {
            Answer = notes.Length == 0 ? checkedAnswer.Text : checkedAnswer.Text + "\n\n" + notes,
            Mode = AnswerMode.Llm,
            ConversationId = "",
            Citations = citations,
            Checks = checks,
        };
    }

    private AnswerResult Quote(ExtractiveSelection selection, QuestionTerms terms, List<RetrievedChunk> pool, Dictionary<long, double> scores, string header)
    {
        // Citation n is the n-th distinct source quoted; its supporting text is every unit quoted from it. A quote cannot
        // cite or link by itself (QuotedText): only the [n] written after it is a citation.
        var quotedSources = selection.Quotes.Select(q => q.Source).Distinct().ToList();
        var lines = selection.Quotes
            .Select(q => $"- {QuotedText.Disarm(Place(terms, pool[q.Source]) + QuoteFormatter.Format(q.Unit, terms, analyzer, _options))} [{quotedSources.IndexOf(q.Source) + 1}]")
            .ToList();
        var cited = quotedSources.Select((source, i) => (N: i + 1, Chunk: pool[source])).ToList();
        // A citation of one quoted table row points at that row (RowLocator), not at the run of rows the chunk holds, and
        // highlights that row's boxes.
        var citations = quotedSources.Select((source, i) =>
        {
            var quoted = selection.Quotes.Where(q => q.Source == source).Select(q => q.Unit).ToList();
            var (locator, boxes) = RowLocator.Cite(pool[source], quoted);
            return ToCitation(i + 1, pool[source], string.Join("\n", quoted.Select(u => u.Text)), scores) with { Locator = locator, Boxes = boxes };
        }).ToList();
        var notes = SourceNotes(terms.Language, cited, pool);
        var answer = header + "\n" + string.Join("\n", lines) + (notes.Length == 0 ? "" : "\n" + notes);
        var checkedAnswer = CitationChecker.Check(answer, cited.Count, n => CheckedSourceText(cited[n - 1].Chunk), terms.Query.Text);
        return new AnswerResult
        {
            Answer = answer,
            Mode = AnswerMode.Extractive,
            ConversationId = "",
            Citations = citations,
            Checks = new AnswerChecks(checkedAnswer.RemovedCitations, checkedAnswer.UnsupportedNumbers),
        };
    }

    /// <summary>What an answer's numbers are checked against for a source: its text with its headings, and its page (an answer may say "p. 5").</summary>
    private static string CheckedSourceText(RetrievedChunk chunk) => chunk.Page is { } page ? $"{chunk.IndexedText}\np. {page}" : chunk.IndexedText;

    /// <summary>
    /// For a question asking on which page or in which section something stands, where the quoted chunk does: its page,
    /// its section (the last heading of its context), or both. The quote alone does not say it, and the citation's
    /// locator is not part of the answer's text.
    /// </summary>
    private static string Place(QuestionTerms terms, RetrievedChunk chunk)
    {
        if (!terms.Intent.AsksPage && !terms.Intent.AsksSection) return "";
        var section = terms.Intent.AsksSection ? chunk.Context.Split(" > ")[^1].Trim() : null;
        return AnswerTexts.Place(terms.Language, terms.Intent.AsksPage ? chunk.Page : null, section);
    }

    private AnswerResult Abstain(string reply, string language, List<RetrievedChunk> closest, Dictionary<long, double> scores)
    {
        var shown = closest.Take(_options.ClosestSources).ToList();
        var text = new StringBuilder(reply);
        if (shown.Count > 0)
        {
            text.Append('\n').Append(AnswerTexts.ClosestSources(language));
            for (var i = 0; i < shown.Count; i++)
                text.Append("\n- ").Append(QuotedText.Disarm($"{shown[i].Title} · {shown[i].Locator}")).Append(" [").Append(i + 1).Append(']');
        }
        return new AnswerResult
        {
            Answer = text.ToString(),
            Mode = AnswerMode.Abstain,
            ConversationId = "",
            Citations = shown.Select((c, i) => ToCitation(i + 1, c, c.Text, scores)).ToList(),
        };
    }

    /// <summary>
    /// Notes on the cited sources an engineer must know to trust the answer: superseded revisions (naming the current
    /// one, cited or among the sources) and text read by OCR from a scan (with the sources whose OCR was unsure).
    /// </summary>
    private static string SourceNotes(string language, IReadOnlyList<(int N, RetrievedChunk Chunk)> cited, IReadOnlyList<RetrievedChunk> sources)
    {
        var notes = new List<string>();
        var read = cited.Where(c => c.Chunk.Boxes.Any(b => b.Ocr is not null)).ToList();
        if (read.Count > 0)
            notes.Add(AnswerTexts.OcrNote(language, read.Select(c => c.N).Distinct().ToList(),
                read.Where(c => c.Chunk.Boxes.Any(b => b.Uncertain)).Select(c => c.N).Distinct().ToList()));
        foreach (var (n, chunk) in cited.Where(c => c.Chunk.Superseded))
        {
            var currentCited = cited.FirstOrDefault(c => !c.Chunk.Superseded && SameDocument(c.Chunk, chunk));
            var current = currentCited.Chunk ?? sources.FirstOrDefault(s => !s.Superseded && SameDocument(s, chunk));
            notes.Add(AnswerTexts.SupersededNote(language, n, chunk, currentCited.Chunk is null ? null : currentCited.N, current));
        }
        return string.Join("\n", notes.Distinct());
    }

    /// <summary>
    /// Another revision of the same document: the same identity in the same library. Revisions are ordered within a
    /// library only (as the store marks them), so a document in another library can never be named as the current one.
    /// </summary>
    private static bool SameDocument(RetrievedChunk a, RetrievedChunk b) =>
        a.Identity is not null && string.Equals(a.Identity, b.Identity, StringComparison.OrdinalIgnoreCase) && a.DocumentId != b.DocumentId
        && string.Equals(a.Library, b.Library, StringComparison.Ordinal);

    /// <summary>
    /// The unit of a cited chunk that shares most numbers and words with the answer's sentences citing it: each shared
    /// number counts <see cref="AnswerOptions.SupportingNumberPoints"/>, every <see cref="AnswerOptions.SupportingCharactersPerPoint"/>
    /// shared distinct letters or digits one; the chunk text when no unit reaches <see cref="AnswerOptions.SupportingMinPoints"/>.
    /// </summary>
    private string SupportingText(RetrievedChunk chunk, string answer, int n)
    {
        var claims = string.Join(" ", answer.Split('\n', '。', '.').Where(s => s.Contains($"[{n}]", StringComparison.Ordinal)));
        var claimNumbers = CitationChecker.Numbers(claims).ToHashSet();
        var claimCharacters = claims.Where(char.IsLetterOrDigit).ToHashSet();
        var best = UnitSplitter.Split(chunk.Text, _options.MaxSentenceChars)
            .Select(u => (u.Text, Score: CitationChecker.Numbers(u.Text).Count(claimNumbers.Contains) * _options.SupportingNumberPoints
                                         + u.Text.Where(char.IsLetterOrDigit).Distinct().Count(claimCharacters.Contains) / _options.SupportingCharactersPerPoint))
            .OrderByDescending(u => u.Score)
            .FirstOrDefault();
        return best.Text is null || best.Score < _options.SupportingMinPoints ? chunk.Text : best.Text;
    }

    private static Citation ToCitation(int n, RetrievedChunk chunk, string text, Dictionary<long, double> scores) => new()
    {
        N = n,
        ChunkId = chunk.ChunkId,
        DocumentId = chunk.DocumentId,
        Source = chunk.Source,
        Library = chunk.Library,
        Title = chunk.Title,
        Identity = chunk.Identity,
        Revision = chunk.Revision,
        Superseded = chunk.Superseded,
        Page = chunk.Page,
        Locator = chunk.Locator,
        Text = text,
        Boxes = chunk.Boxes,
        Score = Math.Round(scores.GetValueOrDefault(chunk.ChunkId), 6),
    };
}
