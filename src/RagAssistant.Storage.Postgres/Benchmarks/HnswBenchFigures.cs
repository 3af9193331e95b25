namespace RagAssistant.Storage.Postgres.Benchmarks;

/// <summary>
/// What <see cref="HnswSearchBenchmark"/> measured: seconds to load the rows (binary COPY) and to build the index;
/// whether the search's plan scans the HNSW index; per-query latency (medians of the repetitions' p50 and p95, one
/// search = one transaction, as the store runs it), queries per second and recall@10 against the exact answers.
/// </summary>
public sealed record HnswBenchFigures(
    int Vectors, int Dimension, int Queries, int EfSearch, double LoadSeconds, double BuildSeconds, bool UsesIndex,
    double P50Ms, double P95Ms, double QueriesPerSec, double RecallAt10);
