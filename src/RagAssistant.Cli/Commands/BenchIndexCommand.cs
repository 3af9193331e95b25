using System.CommandLine;
using System.Numerics.Tensors;
using Microsoft.Data.Sqlite;
using RagAssistant.Cli.Output;
using RagAssistant.Core.Documents;
using RagAssistant.Core.Text;
using RagAssistant.Retrieval.Benchmarks;
using RagAssistant.Storage.Sqlite;
using RagAssistant.Storage.Sqlite.Benchmarks;

namespace RagAssistant.Cli.Commands;

/// <summary>
/// <c>rag bench index [--chunks 1000000] [--add 100] [--repetitions N] [--db FILE] [--json]</c>: a synthetic knowledge base
/// of N embedded chunks (384 dimensions, Gaussian, fixed seed) is written to a SQLite file, its dense index loaded, then
/// documents of <c>--add</c> chunks are stored through the document store and applied by the index from the change log,
/// against the full reload each write used to cost, measured in the same run (<see cref="IndexUpdateBenchmark"/>).
/// </summary>
internal static class BenchIndexCommand
{
    private const string Model = "bench:gaussian-384";
    private const int Dimension = 384;

    public static Command Create()
    {
        var chunks = new Option<int>("--chunks") { Description = "Chunks in the synthetic knowledge base", DefaultValueFactory = _ => 1_000_000 };
        var add = new Option<int>("--add") { Description = "Chunks of each document added", DefaultValueFactory = _ => 100 };
        var repetitions = new Option<int>("--repetitions") { Description = "Measured repetitions (at least 5)", DefaultValueFactory = _ => 5 };
        var quantizeAbove = new Option<int>("--quantize-above") { Description = "Vector count above which the int8 first pass is used (Rag:Retrieval:QuantizeAbove)", DefaultValueFactory = _ => 200_000 };
        var db = new Option<string?>("--db") { Description = "Keep the synthetic knowledge base in FILE (written when missing, reused when present); default: a temporary file", HelpName = "FILE" };
        var json = CommonOptions.Json();
        var command = new Command("index", "Dense index update after adding a document vs a full reload: time and memory")
            { chunks, add, repetitions, quantizeAbove, db, json };
        command.SetAction(async (parse, ct) =>
        {
            var count = parse.GetValue(chunks);
            var addCount = parse.GetValue(add);
            if (count <= 0 || addCount <= 0) return CommandRunner.Fail("--chunks and --add must be positive");
            var kept = parse.GetValue(db);
            var folder = kept is null ? Directory.CreateTempSubdirectory("rag-bench-index-").FullName : null;
            var path = kept ?? Path.Combine(folder!, "kb.db");
            try
            {
                var database = new SqliteDatabase(path);
                var random = new Random(42);
                if (!File.Exists(path) || new FileInfo(path).Length == 0)
                {
                    Log($"writing {count:N0} synthetic chunks to {path}…");
                    SyntheticKnowledgeBase.Write(database, "bench", Model, count, 100, () => Gaussian(random), Log);
                }
                var store = new SqliteDocumentStore(database, new IdentitySegmenter());
                var runId = Guid.NewGuid().ToString("N")[..8];
                var row = await IndexUpdateBenchmark.RunAsync(new SqliteChunkSearch(database), Model, "synthetic", addCount,
                    (n, token) => store.SaveAsync(Document(runId, n), Chunks(addCount, random), token),
                    Math.Max(5, parse.GetValue(repetitions)), parse.GetValue(quantizeAbove), Log, ct);
                if (parse.GetValue(json)) JsonOutput.Write(new IndexBenchJson([row]));
                else Print(row);
                return ExitCodes.Success;
            }
            finally
            {
                SqliteConnection.ClearAllPools();
                if (folder is not null) Directory.Delete(folder, recursive: true);
            }
        });
        return command;

        static void Log(string message) => Console.Error.WriteLine($"rag: {message}");
    }

    private static DocumentInfo Document(string run, int n) => new()
    {
        Library = "bench",
        Source = $"added-{run}-{n}.md",
        FileName = $"added-{run}-{n}.md",
        Title = $"added {n}",
        Kind = DocumentKind.Other,
        Revision = new DocumentRevision($"ADDED-{run}-{n}", "A"),
        Sha256 = $"{run}-{n}",
        Size = 0,
        ContentType = "markdown",
    };

    private static ChunkDraft[] Chunks(int count, Random random) =>
        Enumerable.Range(0, count).Select(i => new ChunkDraft(i, $"added chunk {i}", "", $"line {i + 1}", null, 3)
            { Vector = new ChunkVector(Model, Gaussian(random)) }).ToArray();

    /// <summary>An L2-normalised vector of standard normals (Box–Muller), as <c>rag bench search</c> draws them.</summary>
    private static float[] Gaussian(Random random)
    {
        var v = new float[Dimension];
        for (var i = 0; i < v.Length; i += 2)
        {
            var radius = Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble()));
            var angle = 2 * Math.PI * random.NextDouble();
            v[i] = (float)(radius * Math.Cos(angle));
            if (i + 1 < v.Length) v[i + 1] = (float)(radius * Math.Sin(angle));
        }
        TensorPrimitives.Divide(v, TensorPrimitives.Norm(v), v);
        return v;
    }

    private static void Print(IndexUpdateBenchResult r)
    {
        Console.Out.WriteLine($"{r.Vectors:N0} × {r.Dimension} vectors ({(r.Quantized ? "int8 + exact" : "exact")}, {r.Blocks} blocks); first load {r.FirstLoadMs / 1000:0.0} s");
        Console.Out.WriteLine($"adding a {r.Added}-chunk document ({r.Repetitions} repetitions, medians):");
        Console.Out.WriteLine($"  write {r.WriteMs:0.0} ms, index update {r.UpdateMs:0.0} ms; full reload (baseline) {r.ReloadMs:0.0} ms; ratio {r.Ratio:0.0}");
        Console.Out.WriteLine($"  full loads during the updates: {r.FullLoadsDuringUpdates}; incremental updates {r.IncrementalUpdates}, rows applied {r.RowsApplied}");
        Console.Out.WriteLine($"  memory: steady {r.SteadyMiB:N0} MiB; update peak ≤ {r.UpdatePeakMiB:N0} MiB ({r.UpdatePeakRatio:0.000}×); reload peak {r.ReloadPeakMiB:N0} MiB ({r.ReloadPeakRatio:0.00}×); after {r.AfterMiB:N0} MiB");
        Console.Out.WriteLine("ratio = reload time ÷ update time; peaks ÷ live memory before; update peak bounded by the bytes it allocated");
    }
}
