using System.Diagnostics;
using RagAssistant.Core.Evaluation;
using RagAssistant.Retrieval.Dense;

namespace RagAssistant.Retrieval.Benchmarks;

/// <summary>One measured size: our dense search path against the exact SIMD scan over the same vectors and queries.</summary>
public sealed record DenseSearchBenchResult(
    string Input, int Vectors, int Dimension, int Queries, int K, string Path,
    double P50Ms, double P95Ms, double BaselineP50Ms, double BaselineP95Ms,
    double QueriesPerSec, double BaselineQueriesPerSec, double Ratio, double RecallAt10) : SearchBenchRow("dense");

/// <summary>
/// `rag bench search`: L2-normalised Gaussian vectors (fixed seed) and independently drawn queries, or embedding-like
/// ones (<see cref="ClusteredVectors"/>); after a warm-up,
/// repetitions alternate our path (<see cref="VectorIndex.Search"/>: exact below the quantization threshold, int8 first
/// pass + exact re-scoring above it) and the exact scan of all vectors on all cores; latencies are per query, medians of
/// the repetitions' percentiles are reported, and recall@10 is measured against the exact result.
/// </summary>
public static class DenseSearchBenchmark
{
    public const string Gaussian = "gaussian";
    public const string Clustered = "clustered";

    /// <summary>The rows of <paramref name="input"/>, row i having id i.</summary>
    public static IEnumerable<float[]> Rows(string input, int vectors, int dimension) => input switch
    {
        Gaussian => GaussianVectors.Rows(vectors, dimension),
        Clustered => ClusteredVectors.Rows(vectors, dimension),
        _ => throw new ArgumentOutOfRangeException(nameof(input), input, $"vectors are '{Gaussian}' or '{Clustered}'"),
    };

    /// <param name="keep">Given the rows, queries and exact answers, for measuring another index on the same data (<see cref="DenseBenchSample"/>).</param>
    /// <param name="input"><see cref="Gaussian"/> or <see cref="Clustered"/> (<see cref="ClusteredVectors"/>).</param>
    public static DenseSearchBenchResult Run(int vectors, int dimension, int queries, int repetitions, int quantizeAbove, Action<string>? log = null,
        Action<DenseBenchSample>? keep = null, string input = Gaussian)
    {
        log?.Invoke($"building {vectors:N0} × {dimension} {input} vectors…");
        var index = new VectorIndex(dimension, quantizeAbove);
        var id = 0L;
        foreach (var row in Rows(input, vectors, dimension)) index.Upsert(id++, row, default);
        var queryVectors = input == Clustered ? ClusteredVectors.Queries(queries, dimension) : GaussianVectors.Queries(vectors, dimension, queries);

        // Warm-up, and the exact answers recall is measured against.
        var truth = queryVectors.Select(q => index.Search(q, 10, exact: true).Select(h => h.ChunkId).ToHashSet()).ToList();
        keep?.Invoke(new DenseBenchSample(input, vectors, dimension, queryVectors, truth));
        var found = queryVectors.Select(q => index.Search(q, 10).Select(h => h.ChunkId).ToList()).ToList();
        var recall = found.Select((ids, i) => ids.Count(truth[i].Contains) / 10.0).Average();

        var ours = new List<(double P50, double P95, double Qps)>();
        var baseline = new List<(double P50, double P95, double Qps)>();
        for (var r = 0; r < repetitions; r++)
        {
            log?.Invoke($"repetition {r + 1}/{repetitions}");
            ours.Add(Measure(q => index.Search(q, 10)));
            baseline.Add(Measure(q => index.Search(q, 10, exact: true)));
        }

        var qps = Median(ours.Select(x => x.Qps));
        var baseQps = Median(baseline.Select(x => x.Qps));
        return new DenseSearchBenchResult(input, vectors, dimension, queries, 10, index.IsQuantized ? "int8+rescore" : "exact",
            Median(ours.Select(x => x.P50)), Median(ours.Select(x => x.P95)),
            Median(baseline.Select(x => x.P50)), Median(baseline.Select(x => x.P95)),
            Math.Round(qps, 1), Math.Round(baseQps, 1), Math.Round(qps / baseQps, 2), Math.Round(recall, 4));

        (double, double, double) Measure(Func<float[], object> search)
        {
            var latencies = new List<double>(queries);
            var total = Stopwatch.StartNew();
            foreach (var q in queryVectors)
            {
                var clock = Stopwatch.StartNew();
                search(q);
                latencies.Add(clock.Elapsed.TotalMilliseconds);
            }
            return (Percentiles.Of(latencies, 50)!.Value, Percentiles.Of(latencies, 95)!.Value, queries / total.Elapsed.TotalSeconds);
        }
    }

    private static double Median(IEnumerable<double> values) => Math.Round(Percentiles.Median(values.ToList())!.Value, 3);
}
