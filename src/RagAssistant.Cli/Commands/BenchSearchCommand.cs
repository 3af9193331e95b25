using System.CommandLine;
using RagAssistant.Cli.Output;
using RagAssistant.Retrieval.Benchmarks;

namespace RagAssistant.Cli.Commands;

/// <summary>
/// <c>rag bench search [--sizes 100000,1000000] [--queries N] [--repetitions N] [--json]</c>: dense top-10 latency and
/// recall of our path against the exact SIMD scan measured in the same run.
/// </summary>
internal static class BenchSearchCommand
{
    public static Command Create()
    {
        var sizes = new Option<string>("--sizes") { Description = "Comma-separated vector counts", DefaultValueFactory = _ => "100000,1000000" };
        var queries = new Option<int>("--queries") { Description = "Queries per repetition", DefaultValueFactory = _ => 200 };
        var repetitions = new Option<int>("--repetitions") { Description = "Measured repetitions (at least 5)", DefaultValueFactory = _ => 5 };
        var quantizeAbove = new Option<int>("--quantize-above") { Description = "Vector count above which the int8 first pass is used (Rag:Retrieval:QuantizeAbove)", DefaultValueFactory = _ => 200_000 };
        var json = CommonOptions.Json();
        var command = new Command("search", "Dense search latency and recall vs the exact SIMD scan") { sizes, queries, repetitions, quantizeAbove, json };
        command.SetAction((parse, ct) =>
        {
            var counts = parse.GetValue(sizes)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(int.Parse).ToList();
            var results = counts.Select(n => DenseSearchBenchmark.Run(n, 384, parse.GetValue(queries), Math.Max(5, parse.GetValue(repetitions)),
                parse.GetValue(quantizeAbove), message => Console.Error.WriteLine($"rag: {message}"))).ToList();
            if (parse.GetValue(json)) JsonOutput.Write(new SearchBenchJson(results));
            else
            {
                Console.Out.WriteLine($"{"vectors",9} {"path",13} {"p50 ms",7} {"p95 ms",7} {"exact p50",9} {"exact p95",9} {"q/s",8} {"exact q/s",9} {"ratio",6} {"recall@10",9}");
                foreach (var r in results)
                    Console.Out.WriteLine($"{r.Vectors,9} {r.Path,13} {r.P50Ms,7:0.00} {r.P95Ms,7:0.00} {r.BaselineP50Ms,9:0.00} {r.BaselineP95Ms,9:0.00} {r.QueriesPerSec,8:0.0} {r.BaselineQueriesPerSec,9:0.0} {r.Ratio,6:0.00} {r.RecallAt10,9:0.0000}");
                Console.Out.WriteLine($"384 dims, top-10, {Environment.ProcessorCount} cores; medians of interleaved repetitions; ratio = our q/s ÷ exact scan q/s");
            }
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }
}
