using System.Text.Json.Serialization;

namespace RagAssistant.Retrieval.Benchmarks;

/// <summary>One row of <c>rag bench search</c>: <c>case</c> says what was measured ("dense", "dense-database" or "hybrid").</summary>
[JsonDerivedType(typeof(DenseSearchBenchResult))]
[JsonDerivedType(typeof(DatabaseDenseBenchResult))]
[JsonDerivedType(typeof(HybridSearchBenchResult))]
// Order -1: "case" leads each row (derived records would otherwise write it last).
public abstract record SearchBenchRow([property: JsonPropertyOrder(-1)] string Case);
