using System.Text.Json.Serialization;

namespace RagAssistant.Core.Evaluation;

/// <summary>One line of an evaluation file (EVAL.md). Unknown keys are ignored.</summary>
/// <remarks>The list properties have setters, not init accessors: source-generated JSON sets init-only members even when
/// the key is absent (to null), which would defeat their empty defaults.</remarks>
public sealed record EvalQuestion
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("question")] public required string Question { get; init; }
    [JsonPropertyName("lang")] public string? Lang { get; init; }
    [JsonPropertyName("kind")] public string? Kind { get; init; }
    [JsonPropertyName("gold")] public IReadOnlyList<GoldPassage> Gold { get; set; } = [];
    [JsonPropertyName("answer_contains")] public IReadOnlyList<string> AnswerContains { get; set; } = [];
    /// <summary>Earlier questions of the conversation, oldest first.</summary>
    [JsonPropertyName("history")] public IReadOnlyList<string> History { get; set; } = [];

    [JsonIgnore] public bool Answerable => Gold.Count > 0;
}

/// <summary>A passage that answers the question: a source file and a distinctive string inside the chunk.</summary>
public sealed record GoldPassage
{
    [JsonPropertyName("source")] public required string Source { get; init; }
    [JsonPropertyName("contains")] public required string Contains { get; init; }
}
