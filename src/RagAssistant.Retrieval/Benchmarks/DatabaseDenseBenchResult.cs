namespace RagAssistant.Retrieval.Benchmarks;

/// <summary>
/// One size measured in a database's own index (PostgreSQL's HNSW, <c>rag bench search --postgres</c>) on the rows and
/// queries of the in-memory row of the same size and run, beside it: <c>Ratio</c> = database q/s ÷ in-memory q/s;
/// recall@10 against the exact scan. <c>UsesIndex</c>: the search's plan is an index scan of the HNSW index.
/// </summary>
public sealed record DatabaseDenseBenchResult(
    string Input, int Vectors, int Dimension, int Queries, int K, string Path, int EfSearch,
    double LoadSeconds, double BuildSeconds, bool UsesIndex,
    double P50Ms, double P95Ms, double QueriesPerSec, double RecallAt10,
    string BaselinePath, double BaselineP50Ms, double BaselineP95Ms, double BaselineQueriesPerSec, double Ratio) : SearchBenchRow("dense-database");
