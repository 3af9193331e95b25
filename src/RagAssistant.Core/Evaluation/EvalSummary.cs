using System.Text.Json.Serialization;

namespace RagAssistant.Core.Evaluation;

/// <summary>The metrics of EVAL.md over a set of questions, with its exact JSON keys; null where the denominator is empty.</summary>
public class EvalSummary
{
    [JsonPropertyName("questions")] public int Questions { get; init; }
    [JsonPropertyName("answerable")] public int Answerable { get; init; }
    [JsonPropertyName("hit@1")] public double? Hit1 { get; init; }
    [JsonPropertyName("hit@5")] public double? Hit5 { get; init; }
    [JsonPropertyName("hit@10")] public double? Hit10 { get; init; }
    [JsonPropertyName("recall@5")] public double? Recall5 { get; init; }
    [JsonPropertyName("recall@10")] public double? Recall10 { get; init; }
    [JsonPropertyName("mrr@10")] public double? Mrr10 { get; init; }
    [JsonPropertyName("ndcg@10")] public double? Ndcg10 { get; init; }
    [JsonPropertyName("meanChunkTokens")] public double? MeanChunkTokens { get; init; }
    [JsonPropertyName("answer_contains")] public double? AnswerContains { get; init; }
    [JsonPropertyName("citation_precision")] public double? CitationPrecision { get; init; }
    [JsonPropertyName("abstention")] public double? Abstention { get; init; }
    [JsonPropertyName("false_abstention")] public double? FalseAbstention { get; init; }
    [JsonPropertyName("answerChars_median")] public double? AnswerCharsMedian { get; init; }
    [JsonPropertyName("latency_ms")] public required LatencySummary LatencyMs { get; init; }
}

/// <summary>p50/p95 of retrieval and answer latency in milliseconds.</summary>
public sealed record LatencySummary(
    [property: JsonPropertyName("retrieve")] PercentilePair Retrieve,
    [property: JsonPropertyName("answer")] PercentilePair Answer);

public sealed record PercentilePair([property: JsonPropertyName("p50")] double? P50, [property: JsonPropertyName("p95")] double? P95);

/// <summary>
/// The whole report: overall metrics, the same per language, per kind and per split (dev, test), the gap between the
/// splits, and the failures.
/// </summary>
public sealed class EvalReport : EvalSummary
{
    [JsonPropertyName("byLang")] public required IReadOnlyDictionary<string, EvalSummary> ByLang { get; init; }
    [JsonPropertyName("byKind")] public required IReadOnlyDictionary<string, EvalSummary> ByKind { get; init; }
    /// <summary>The metrics of the <c>dev</c> and of the <c>test</c> questions (only the splits that have questions).</summary>
    [JsonPropertyName("bySplit")] public required IReadOnlyDictionary<string, EvalSummary> BySplit { get; init; }
    /// <summary>dev − test for each quality metric (EVAL.md's keys); null when a split is missing. A large positive gap means tuning fitted dev.</summary>
    [JsonPropertyName("splitGap")] public IReadOnlyDictionary<string, double?>? SplitGap { get; init; }
    [JsonPropertyName("failures")] public required IReadOnlyList<EvalFailure> Failures { get; init; }
}

/// <summary>An answerable question with no gold match in the top 5, with what came first instead.</summary>
public sealed record EvalFailure(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("question")] string Question,
    [property: JsonPropertyName("top")] IReadOnlyList<EvalRetrieved> Top);

public sealed record EvalRetrieved(
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("locator")] string Locator,
    [property: JsonPropertyName("text")] string Text);
