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
    /// <summary>
    /// <c>dev</c> (tune on it) or <c>test</c> (report it, never tune on it), drawn by document with a fixed seed
    /// (scripts/eval/split.py); null in files without a split.
    /// </summary>
    [JsonPropertyName("split")] public string? Split { get; init; }
    /// <summary>The document the question was written from (its split follows the document's).</summary>
    [JsonPropertyName("doc")] public string? Doc { get; init; }
    /// <summary>Free labels; <c>table</c> marks a question whose answer is a value in a table.</summary>
    [JsonPropertyName("tags")] public IReadOnlyList<string> Tags { get; set; } = [];

    [JsonIgnore] public bool Answerable => Gold.Count > 0;
}

/// <summary>A passage that answers the question: a source file and a distinctive string inside the chunk.</summary>
public sealed record GoldPassage
{
    [JsonPropertyName("source")] public required string Source { get; init; }
    [JsonPropertyName("contains")] public required string Contains { get; init; }
}
