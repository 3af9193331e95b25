using System.Text.Json.Serialization;
using RagAssistant.Core.Evaluation;

namespace RagAssistant.Retrieval.Evaluation;

/// <summary>Source-generated JSON for evaluation files and reports (EVAL.md's keys are set on the records).</summary>
[JsonSourceGenerationOptions(WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(EvalQuestion))]
[JsonSerializable(typeof(EvalReport))]
public sealed partial class EvalJsonContext : JsonSerializerContext;
