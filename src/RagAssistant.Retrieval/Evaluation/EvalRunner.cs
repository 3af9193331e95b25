using System.Diagnostics;
using System.Text.Json;
using RagAssistant.Core.Answers;
using RagAssistant.Core.Evaluation;
using RagAssistant.Core.Search;

namespace RagAssistant.Retrieval.Evaluation;

/// <summary>
/// Runs an evaluation file: for each question, asks its history first (same conversation) when answers are scored,
/// retrieves the top 10 with the chosen retrievers and scores them against the gold passages by
/// <see cref="GoldMatcher"/>; then, when an answerer is available and answers are wanted, answers and scores citations.
/// </summary>
public sealed class EvalRunner(HybridRetriever retriever, QueryAnalyzer analyzer, IChunkSearch chunks, IEnumerable<IQuestionAnswerer> answerers)
{
    private const int TopK = 10;
    private readonly IQuestionAnswerer? _answerer = answerers.FirstOrDefault();

    /// <summary>Reads several question files as one set; an id that repeats across them fails with both places.</summary>
    public static IReadOnlyList<EvalQuestion> ReadQuestions(IReadOnlyList<string> paths)
    {
        var questions = new List<EvalQuestion>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            foreach (var question in ReadQuestions(path))
            {
                if (!seen.TryAdd(question.Id, path))
                    throw new InvalidDataException($"{path}: question id '{question.Id}' is also in {seen[question.Id]}; ids must be unique across the files");
                questions.Add(question);
            }
        }
        return questions;
    }

    /// <summary>Reads a JSONL question file; a bad line fails with its line number.</summary>
    public static IReadOnlyList<EvalQuestion> ReadQuestions(string path)
    {
        var questions = new List<EvalQuestion>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            try
            {
                questions.Add(JsonSerializer.Deserialize(line, EvalJsonContext.Default.EvalQuestion)
                              ?? throw new JsonException("null"));
            }
            catch (JsonException ex)
            {
                throw new InvalidDataException($"{path}:{number}: not a valid question line ({ex.Message})", ex);
            }
        }
        return questions;
    }

    public async Task<EvalReport> RunAsync(IReadOnlyList<EvalQuestion> questions, RetrieverMode mode, bool withAnswers,
        IProgress<int>? progress = null, CancellationToken cancellationToken = default) =>
        EvalAggregator.Report(await RunOutcomesAsync(questions, mode, withAnswers, progress, cancellationToken));

    /// <summary>Every question's outcome (for a per-question report); <see cref="EvalAggregator.Report"/> sums them up.</summary>
    public async Task<IReadOnlyList<EvalOutcome>> RunOutcomesAsync(IReadOnlyList<EvalQuestion> questions, RetrieverMode mode, bool withAnswers,
        IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        var outcomes = new List<EvalOutcome>();
        foreach (var question in questions)
        {
            cancellationToken.ThrowIfCancellationRequested();
            outcomes.Add(await EvaluateAsync(question, mode, withAnswers && _answerer is not null, cancellationToken));
            progress?.Report(outcomes.Count);
        }
        return outcomes;
    }

    private async Task<EvalOutcome> EvaluateAsync(EvalQuestion question, RetrieverMode mode, bool withAnswers, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var (_, results) = await retriever.SearchAsync(analyzer.ComposeFollowUp(question.History, question.Question), new SearchOptions(TopK, mode), ct);
        var retrieveMs = clock.Elapsed.TotalMilliseconds;

        var matches = results.Select(r => MatchingGold(question, r.Chunk)).ToList();
        var metrics = question.Answerable ? RetrievalMetrics.Compute(matches, question.Gold.Count) : null;
        var top = results.Select(r => new EvalRetrieved(r.Chunk.Source, r.Chunk.Locator, Clip(r.Chunk.Text, 80))).ToList();
        var meanTokens = results.Count == 0 ? 0 : results.Average(r => r.Chunk.TokenCount);

        EvalAnswer? answer = null;
        if (withAnswers) answer = await AnswerAsync(question, ct);
        return new EvalOutcome(question, metrics, top, meanTokens, retrieveMs, answer);
    }

    private async Task<EvalAnswer> AnswerAsync(EvalQuestion question, CancellationToken ct)
    {
        string? conversation = null;
        foreach (var earlier in question.History)
            conversation = (await _answerer!.AnswerAsync(new AskRequest(earlier, conversation), cancellationToken: ct)).ConversationId;
        var clock = Stopwatch.StartNew();
        var result = await _answerer!.AnswerAsync(new AskRequest(question.Question, conversation, Explain: true), cancellationToken: ct);
        var answerMs = clock.Elapsed.TotalMilliseconds;
        // The evaluation runs as the local operator over the whole knowledge base: no library filter.
        var cited = await chunks.GetChunksAsync(result.CitedChunkIds.Distinct().ToList(), SearchFilter.None, ct);
        var byId = cited.ToDictionary(c => c.ChunkId);
        var citationMatches = result.CitedChunkIds
            .Select(id => byId.TryGetValue(id, out var c) && MatchingGold(question, c).Count > 0)
            .ToList();
        return new EvalAnswer(result.Answer, result.Mode, citationMatches, answerMs) { Evidence = result.Explain?.Evidence };
    }

    private static List<int> MatchingGold(EvalQuestion question, RetrievedChunk chunk) =>
        question.Gold.Select((g, i) => (g, i))
            .Where(x => GoldMatcher.Matches(x.g, chunk.Source, chunk.IndexedText, chunk.TokenCount))
            .Select(x => x.i)
            .ToList();

    private static string Clip(string text, int length)
    {
        var flat = text.ReplaceLineEndings(" ");
        return flat.Length <= length ? flat : flat[..length];
    }
}
