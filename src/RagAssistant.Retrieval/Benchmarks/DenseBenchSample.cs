namespace RagAssistant.Retrieval.Benchmarks;

/// <summary>
/// What another index needs to be measured on the same data as a dense row of `rag bench search`: the rows
/// (regenerated rather than held), the queries, and each query's exact top 10
/// (recall is measured against these).
/// </summary>
public sealed record DenseBenchSample(string Input, int Vectors, int Dimension, IReadOnlyList<float[]> Queries, IReadOnlyList<IReadOnlySet<long>> Truth)
{
    public IEnumerable<float[]> Rows() => DenseSearchBenchmark.Rows(Input, Vectors, Dimension);
}
