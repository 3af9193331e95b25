using System.Text.Json.Serialization;

namespace RagAssistant.Retrieval.Benchmarks;

/// <summary>One row of <c>rag bench search</c>: <c>case</c> says what was measured ("dense" or "hybrid").</summary>
[JsonDerivedType(typeof(DenseSearchBenchResult))]
[JsonDerivedType(typeof(HybridSearchBenchResult))]
public abstract record SearchBenchRow(string Case);
