using System.CommandLine;
using RagAssistant.Cli.Output;
using RagAssistant.Ingestion.Benchmarks;

namespace RagAssistant.Cli.Commands;

/// <summary>
/// <c>rag bench ingest [--corpus DIR] [--repetitions N] [--json]</c>: PDF reading speed against PdfPig's plain text
/// extraction on the largest manual of the corpus folder (the SPARC manual in ../shared/testdata/pdf by default) and on
/// a generated 1,000-page A4 PDF (half two-column). Single-threaded, so pages/s is per core.
/// </summary>
internal static class BenchCommand
{
    private const string DefaultCorpus = "../shared/testdata/pdf";
    private const string ManualName = "SPARC-v9-Architecture-Manual.pdf";

    public static Command Create() => new("bench", "Measure throughput against a baseline measured in the same run") { Ingest(), BenchEmbedCommand.Create(), BenchSearchCommand.Create(), BenchIndexCommand.Create(), BenchTablesCommand.Create(), BenchLoadCommand.Create(), BenchOcrCommand.Create() };

    private static Command Ingest()
    {
        var corpus = new Option<string?>("--corpus") { Description = $"Folder with the manual to read (default {DefaultCorpus})", HelpName = "DIR" };
        var repetitions = new Option<int>("--repetitions") { Description = "Measured repetitions (at least 5)", DefaultValueFactory = _ => 5 };
        var pages = new Option<int>("--synthetic-pages") { Description = "Pages of the generated PDF", DefaultValueFactory = _ => 1000 };
        var json = CommonOptions.Json();
        var command = new Command("ingest", "PDF reader pages/s vs PdfPig plain text extraction") { corpus, repetitions, pages, json };
        command.SetAction((parse, ct) =>
        {
            var reps = Math.Max(5, parse.GetValue(repetitions));
            var inputs = new List<(string Name, byte[] Bytes)>();
            var folder = parse.GetValue(corpus) ?? DefaultCorpus;
            var manual = Path.Combine(folder, ManualName);
            if (!File.Exists(manual) && Directory.Exists(folder))
                manual = Directory.GetFiles(folder, "*.pdf").OrderByDescending(f => new FileInfo(f).Length).FirstOrDefault() ?? manual;
            if (File.Exists(manual)) inputs.Add((Path.GetFileName(manual), File.ReadAllBytes(manual)));
            else Console.Error.WriteLine($"rag: no manual found in {folder}; measuring the synthetic PDF only");

            var syntheticPages = parse.GetValue(pages);
            var temp = Path.Combine(Path.GetTempPath(), $"rag-bench-{Environment.ProcessId}");
            Directory.CreateDirectory(temp);
            try
            {
                var synthetic = Path.Combine(temp, $"synthetic-{syntheticPages}p.pdf");
                File.WriteAllBytes(synthetic, SyntheticPdf.Build(syntheticPages));
                inputs.Add((Path.GetFileName(synthetic), File.ReadAllBytes(synthetic)));

                var results = new List<PdfBenchResult>();
                foreach (var (name, bytes) in inputs)
                {
                    Console.Error.WriteLine($"rag: measuring {name} ({reps} repetitions)…");
                    results.Add(PdfIngestBenchmark.Run(name, bytes, reps, ct));
                }
                if (parse.GetValue(json)) JsonOutput.Write(new BenchJson(results));
                else
                {
                    Console.Out.WriteLine($"{"input",-40} {"pages",6} {"ours p/s",9} {"page.Text p/s",14} {"ratio",6} {"ContentOrder p/s",17} {"ratio",6}");
                    foreach (var r in results)
                        Console.Out.WriteLine($"{r.Input,-40} {r.Pages,6} {r.PagesPerSec,9:0.0} {r.BaselinePagesPerSec,14:0.0} {r.Ratio,6:0.00} {r.ContentOrderPagesPerSec,17:0.0} {r.RatioToContentOrder,6:0.00}");
                    Console.Out.WriteLine($"one thread; medians of {reps} interleaved repetitions after a warm-up; ratio = ours ÷ baseline");
                }
                return Task.FromResult(ExitCodes.Success);
            }
            finally
            {
                Directory.Delete(temp, recursive: true);
            }
        });
        return command;
    }
}
