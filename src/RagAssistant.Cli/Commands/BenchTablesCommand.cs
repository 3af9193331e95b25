using System.CommandLine;
using RagAssistant.Cli.Output;
using RagAssistant.Ingestion.Tables;

namespace RagAssistant.Cli.Commands;

/// <summary>
/// <c>rag bench tables [--set DIR] [--out DIR] [--json]</c>: table structure on the ICDAR 2013 Table Competition set
/// (../shared/benchmarks/icdar2013-tables by default), scored in .NET exactly as its evaluate.py scores
/// <c>rag tables --json</c> output: adjacency-relation precision, recall and F1, mean over documents and micro, for the
/// <c>us-*</c> documents (the test: never tuned on) and the <c>eu-*</c> documents (tuned on) separately.
/// <c>--out DIR</c> also writes each document's prediction file, for evaluate.py.
/// </summary>
internal static class BenchTablesCommand
{
    private const string DefaultSet = "../shared/benchmarks/icdar2013-tables";

    public static Command Create()
    {
        var set = new Option<string?>("--set") { Description = $"The benchmark folder with docs/ and gt/ (default {DefaultSet})", HelpName = "DIR" };
        var outDir = new Option<string?>("--out") { Description = "Also write one prediction file per document here (evaluate.py's input)", HelpName = "DIR" };
        var verbose = new Option<string?>("--per-document") { Description = "Print the figures of each document whose name starts with PREFIX (eu- while tuning: the us-* documents are the test)", HelpName = "PREFIX" };
        var json = CommonOptions.Json();
        var command = new Command("tables", "Table structure on ICDAR 2013 (us-* test, eu-* tuning), scored like its evaluate.py") { set, outDir, verbose, json };
        command.SetAction((parse, ct) =>
        {
            var folder = parse.GetValue(set) ?? DefaultSet;
            if (!Directory.Exists(Path.Combine(folder, "docs")) || !Directory.Exists(Path.Combine(folder, "gt")))
            {
                Console.Error.WriteLine($"rag: {folder}: not the ICDAR 2013 table set (docs/ and gt/ expected)");
                return Task.FromResult(ExitCodes.Usage);
            }
            var output = parse.GetValue(outDir);
            if (output is not null) Directory.CreateDirectory(output);
            var scores = new List<TableDocumentScore>();
            foreach (var document in TableStructureScore.ScoreSet(folder, ct))
            {
                if (document.Error is not null) Console.Error.WriteLine($"rag: {document.Score.Document}: {document.Error}");
                if (output is not null)
                {
                    using var file = File.Create(Path.Combine(output, document.Score.Document + ".json"));
                    JsonOutput.WriteTo(file, new TablesJson(document.Tables));
                }
                scores.Add(document.Score);
            }
            var sets = new[] { "us-", "eu-", "" }
                .Select(prefix => TableStructureScore.Summarise(prefix == "" ? "all" : prefix + "*", scores.Where(s => s.Document.StartsWith(prefix, StringComparison.Ordinal)).ToList()))
                .ToList();
            if (parse.GetValue(json)) JsonOutput.Write(new TableBenchJson(sets));
            else
            {
                if (parse.GetValue(verbose) is { } prefix)
                    foreach (var d in scores.Where(d => d.Document.StartsWith(prefix, StringComparison.Ordinal)))
                        Console.Out.WriteLine($"{d.Document,-10} P {d.Precision:0.000} R {d.Recall:0.000} F1 {d.F1:0.000}  ({d.FoundLinks} found / {d.TruthLinks} true)");
                Console.Out.WriteLine($"{"set",-6} {"docs",5} {"P",6} {"R",6} {"F1",6}   {"micro P",7} {"R",6} {"F1",6}");
                foreach (var s in sets)
                    Console.Out.WriteLine($"{s.Set,-6} {s.Documents,5} {s.Precision,6:0.000} {s.Recall,6:0.000} {s.F1,6:0.000}   {s.MicroPrecision,7:0.000} {s.MicroRecall,6:0.000} {s.MicroF1,6:0.000}");
                Console.Out.WriteLine("us-* is the test (never tuned on); eu-* is where the rules were tuned. Same rule as evaluate.py.");
            }
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }
}
