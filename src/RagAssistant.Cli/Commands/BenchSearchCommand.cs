using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using RagAssistant.Cli.Output;
using RagAssistant.Retrieval;
using RagAssistant.Retrieval.Benchmarks;
using RagAssistant.Retrieval.Dense;
using RagAssistant.Retrieval.Evaluation;
using RagAssistant.Storage.Postgres;
using RagAssistant.Storage.Postgres.Benchmarks;

namespace RagAssistant.Cli.Commands;

/// <summary>
/// <c>rag bench search [--sizes 100000,1000000] [--queries N] [--repetitions N] [--vectors gaussian|clustered] [--postgres CONNSTRING [--ef-search 40,100,…]]
/// [--db FILE [--questions FILE]] [--json]</c>: dense top-10 latency and recall of our path against the exact SIMD scan on
/// Gaussian vectors; with <c>--postgres</c>, the same vectors and queries also in PostgreSQL's HNSW index, beside the
/// in-memory row; with <c>--db</c>, also the full hybrid search over that knowledge base against keyword-only search, all
/// measured in the same run.
/// </summary>
internal static class BenchSearchCommand
{
    public static Command Create()
    {
        var sizes = new Option<string>("--sizes") { Description = "Comma-separated vector counts for the Gaussian dense rows (default 100000,1000000; none with --db unless given)", DefaultValueFactory = _ => "100000,1000000" };
        var queries = new Option<int>("--queries") { Description = "Queries per repetition (Gaussian rows; with --db, at most this many questions)", DefaultValueFactory = _ => 200 };
        var repetitions = new Option<int>("--repetitions") { Description = "Measured repetitions (at least 5)", DefaultValueFactory = _ => 5 };
        var quantizeAbove = new Option<int>("--quantize-above") { Description = "Vector count above which the int8 first pass is used (Rag:Retrieval:QuantizeAbove)", DefaultValueFactory = _ => 200_000 };
        var db = new Option<string?>("--db") { Description = "Knowledge base for the hybrid row (hybrid vs keyword-only latency, configured embedding model)", HelpName = "FILE" };
        var questionsFile = new Option<string>("--questions") { Description = "Questions (JSONL, EVAL.md format) for the hybrid row", HelpName = "FILE", DefaultValueFactory = _ => Path.Combine("corpus", "eval", "questions.jsonl") };
        var postgres = new Option<string?>("--postgres") { Description = "Also measure each size in PostgreSQL's HNSW index (a scratch table in this database, dropped afterwards)", HelpName = "CONNSTRING" };
        var efSearch = new Option<string>("--ef-search") { Description = "Comma-separated hnsw.ef_search values for --postgres, one row each (Rag:Storage:HnswEfSearch; default its default)", DefaultValueFactory = _ => new PostgresStorageOptions().HnswEfSearch.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        var input = new Option<string>("--vectors") { Description = "gaussian (isotropic, the default) or clustered (embedding-like: topics in a 32-dimensional latent space)", DefaultValueFactory = _ => DenseSearchBenchmark.Gaussian };
        var json = CommonOptions.Json();
        var command = new Command("search", "Dense search latency and recall vs the exact SIMD scan; with --db, hybrid vs keyword-only latency")
            { sizes, queries, repetitions, quantizeAbove, input, postgres, efSearch, db, questionsFile, json };
        command.SetAction(async (parse, ct) =>
        {
            var dbPath = parse.GetValue(db);
            var sizesGiven = parse.GetResult(sizes) is { Implicit: false };
            List<int> counts = dbPath is not null && !sizesGiven ? []
                : parse.GetValue(sizes)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(int.Parse).ToList();
            var reps = Math.Max(5, parse.GetValue(repetitions));
            var rows = new List<SearchBenchRow>();
            if (parse.GetValue(input) is not (DenseSearchBenchmark.Gaussian or DenseSearchBenchmark.Clustered))
                return CommandRunner.Fail($"--vectors {parse.GetValue(input)}: use {DenseSearchBenchmark.Gaussian} or {DenseSearchBenchmark.Clustered}");
            var server = parse.GetValue(postgres);
            foreach (var n in counts)
            {
                DenseBenchSample? sample = null;
                var memory = DenseSearchBenchmark.Run(n, 384, parse.GetValue(queries), reps, parse.GetValue(quantizeAbove), Log, s => sample = s,
                    parse.GetValue(input)!);
                rows.Add(memory);
                if (server is null) continue;
                var efs = parse.GetValue(efSearch)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(int.Parse).ToList();
                var figures = await HnswSearchBenchmark.RunAsync(server, sample!.Rows(), n, 384, sample.Queries, sample.Truth, reps, efs, Log, ct);
                rows.AddRange(figures.Select(f => DatabaseRow(memory, f)));
            }
            if (dbPath is not null)
            {
                if (!File.Exists(dbPath)) return CommandRunner.Fail($"--db {dbPath}: no such file");
                var path = parse.GetValue(questionsFile)!;
                if (!File.Exists(path)) return CommandRunner.Fail($"--questions {path}: no such file");
                var questions = EvalRunner.ReadQuestions(path).Select(q => q.Question).Take(Math.Max(1, parse.GetValue(queries))).ToList();
                var code = await CommandRunner.RunAsync(dbPath, async services =>
                {
                    var dense = services.GetService<DenseModels>()
                        ?? throw new CommandException("no embedding model is configured, so there is no hybrid search to measure");
                    var vectors = 0;
                    foreach (var retriever in dense.Retrievers) vectors += (await retriever.Index.GetAsync(ct))?.Count ?? 0;
                    rows.Add(await HybridSearchBenchmark.RunAsync(services.GetRequiredService<HybridRetriever>(), questions, reps,
                        Path.GetFileName(dbPath), vectors, string.Join(" + ", dense.Retrievers.Select(r => r.ModelId)), Log, ct));
                    return ExitCodes.Success;
                });
                if (code != ExitCodes.Success) return code;
            }
            if (parse.GetValue(json)) JsonOutput.Write(new SearchBenchJson(rows));
            else Print(rows);
            return ExitCodes.Success;
        });
        return command;

        static void Log(string message) => Console.Error.WriteLine($"rag: {message}");
    }

    private static DatabaseDenseBenchResult DatabaseRow(DenseSearchBenchResult memory, HnswBenchFigures pg) =>
        new(memory.Input, pg.Vectors, pg.Dimension, pg.Queries, memory.K, "pgvector-hnsw", pg.EfSearch, pg.LoadSeconds, pg.BuildSeconds, pg.UsesIndex,
            pg.P50Ms, pg.P95Ms, pg.QueriesPerSec, pg.RecallAt10, memory.Path, memory.P50Ms, memory.P95Ms, memory.QueriesPerSec,
            Math.Round(pg.QueriesPerSec / memory.QueriesPerSec, 2));

    private static void Print(IReadOnlyList<SearchBenchRow> rows)
    {
        var dense = rows.OfType<DenseSearchBenchResult>().ToList();
        if (dense.Count > 0)
        {
            Console.Out.WriteLine($"{"vectors",9} {"path",13} {"p50 ms",7} {"p95 ms",7} {"exact p50",9} {"exact p95",9} {"q/s",8} {"exact q/s",9} {"ratio",6} {"recall@10",9}");
            foreach (var r in dense)
                Console.Out.WriteLine($"{r.Vectors,9} {r.Path,13} {r.P50Ms,7:0.00} {r.P95Ms,7:0.00} {r.BaselineP50Ms,9:0.00} {r.BaselineP95Ms,9:0.00} {r.QueriesPerSec,8:0.0} {r.BaselineQueriesPerSec,9:0.0} {r.Ratio,6:0.00} {r.RecallAt10,9:0.0000}");
            Console.Out.WriteLine($"{string.Join(" + ", dense.Select(r => r.Input).Distinct())} vectors, 384 dims, top-10, {Environment.ProcessorCount} cores; medians of interleaved repetitions; ratio = our q/s ÷ exact scan q/s");
        }
        var database = rows.OfType<DatabaseDenseBenchResult>().ToList();
        if (database.Count > 0)
        {
            Console.Out.WriteLine($"{"vectors",9} {"path",13} {"ef",4} {"p50 ms",7} {"p95 ms",7} {"q/s",8} {"recall@10",9} {"memory",13} {"mem p50",7} {"mem p95",7} {"mem q/s",8} {"ratio",6} {"load s",6} {"build s",7} {"index",5}");
            foreach (var r in database)
                Console.Out.WriteLine($"{r.Vectors,9} {r.Path,13} {r.EfSearch,4} {r.P50Ms,7:0.00} {r.P95Ms,7:0.00} {r.QueriesPerSec,8:0.0} {r.RecallAt10,9:0.0000} {r.BaselinePath,13} {r.BaselineP50Ms,7:0.00} {r.BaselineP95Ms,7:0.00} {r.BaselineQueriesPerSec,8:0.0} {r.Ratio,6:0.00} {r.LoadSeconds,6:0.0} {r.BuildSeconds,7:0.0} {(r.UsesIndex ? "yes" : "NO"),5}");
            Console.Out.WriteLine("PostgreSQL: the same vectors and queries in a scratch table with the store's HNSW index (m 16, ef_construction 64); one search = one transaction; ratio = PostgreSQL q/s ÷ in-memory q/s; recall against the exact scan");
        }
        foreach (var r in rows.OfType<HybridSearchBenchResult>())
        {
            Console.Out.WriteLine($"hybrid over {r.Input} ({r.Chunks} vectors, {r.Model}), {r.Queries} questions, top-{r.K}:");
            Console.Out.WriteLine($"  hybrid  p50 {r.P50Ms:0.00} ms  p95 {r.P95Ms:0.00} ms  {r.QueriesPerSec:0.0} q/s");
            Console.Out.WriteLine($"  keyword p50 {r.BaselineP50Ms:0.00} ms  p95 {r.BaselineP95Ms:0.00} ms  {r.BaselineQueriesPerSec:0.0} q/s");
            Console.Out.WriteLine($"  ratio = hybrid q/s ÷ keyword q/s = {r.Ratio:0.00}");
        }
    }
}
