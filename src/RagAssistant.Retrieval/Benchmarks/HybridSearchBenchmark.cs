using System.Diagnostics;
using RagAssistant.Core.Evaluation;
using RagAssistant.Core.Search;

namespace RagAssistant.Retrieval.Benchmarks;

/// <summary>
/// The full hybrid search (analysis, keyword, query embedding + dense, fusion, chunk loading) over a real knowledge base,
/// against keyword-only search as the baseline, over the same questions.
/// </summary>
public sealed record HybridSearchBenchResult(
    string Input, int Chunks, string Model, int Queries, int K, string Baseline,
    double P50Ms, double P95Ms, double BaselineP50Ms, double BaselineP95Ms,
    double QueriesPerSec, double BaselineQueriesPerSec, double Ratio) : SearchBenchRow("hybrid");

/// <summary>
/// `rag bench search --db FILE`: after a warm-up pass over all questions (loads the dense index and the model, fills
/// caches), each repetition runs every question through <see cref="HybridRetriever"/> in hybrid mode and then in
/// keyword mode, top-10, one question at a time; latencies are per question, the medians of the repetitions'
/// percentiles and throughputs are reported, and ratio = hybrid q/s ÷ keyword q/s (below 1: hybrid is slower).
/// </summary>
public static class HybridSearchBenchmark
{
    public static async Task<HybridSearchBenchResult> RunAsync(
        HybridRetriever retriever, IReadOnlyList<string> questions, int repetitions, string input, int chunks, string model,
        Action<string>? log = null, CancellationToken cancellationToken = default)
    {
        if (questions.Count == 0) throw new ArgumentException("no questions to measure", nameof(questions));
        foreach (var q in questions)
        {
            await retriever.SearchAsync(q, new SearchOptions(10, RetrieverMode.Hybrid), cancellationToken);
            await retriever.SearchAsync(q, new SearchOptions(10, RetrieverMode.Keyword), cancellationToken);
        }

        var ours = new List<(double P50, double P95, double Qps)>();
        var baseline = new List<(double P50, double P95, double Qps)>();
        for (var r = 0; r < repetitions; r++)
        {
            log?.Invoke($"hybrid repetition {r + 1}/{repetitions}");
            ours.Add(await Measure(RetrieverMode.Hybrid));
            baseline.Add(await Measure(RetrieverMode.Keyword));
        }

        var qps = Median(ours.Select(x => x.Qps));
        var baseQps = Median(baseline.Select(x => x.Qps));
        return new HybridSearchBenchResult(input, chunks, model, questions.Count, 10, "keyword",
            Median(ours.Select(x => x.P50)), Median(ours.Select(x => x.P95)),
            Median(baseline.Select(x => x.P50)), Median(baseline.Select(x => x.P95)),
            Math.Round(qps, 1), Math.Round(baseQps, 1), Math.Round(qps / baseQps, 2));

        async Task<(double, double, double)> Measure(RetrieverMode mode)
        {
            var latencies = new List<double>(questions.Count);
            var total = Stopwatch.StartNew();
            foreach (var q in questions)
            {
                var clock = Stopwatch.StartNew();
                await retriever.SearchAsync(q, new SearchOptions(10, mode), cancellationToken);
                latencies.Add(clock.Elapsed.TotalMilliseconds);
            }
            return (Percentiles.Of(latencies, 50)!.Value, Percentiles.Of(latencies, 95)!.Value, questions.Count / total.Elapsed.TotalSeconds);
        }
    }

    private static double Median(IEnumerable<double> values) => Math.Round(Percentiles.Median(values.ToList())!.Value, 3);
}
