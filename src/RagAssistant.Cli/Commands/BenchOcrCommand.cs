using System.CommandLine;
using System.Globalization;
using RagAssistant.Cli.Bench;
using RagAssistant.Cli.Output;
using RagAssistant.Ingestion.Benchmarks;
using RagAssistant.Ingestion.Ocr;

namespace RagAssistant.Cli.Commands;

/// <summary>
/// <c>rag bench ocr [--docs DIR] [--questions FILE] [--dpi 200,300] [--pages N] [--dense-chars N] [--threads N]
/// [--ocr-only] [--keep] [--json]</c> (issue #25): the PP-OCR pipeline on the PDFs of a folder, measured against their own text
/// layer. (1) Character error rate per resolution and language (<see cref="OcrAccuracyBenchmark"/>); (2) render + OCR
/// pages/s on the dense pages; (3) retrieval and extractive answers on image-only copies of the PDFs ingested with OCR
/// against the originals, on the questions whose gold passages are in those PDFs (<see cref="OcrAnswersComparison"/>).
/// </summary>
internal static class BenchOcrCommand
{
    private const string DefaultDocs = "corpus/docs";
    private const string DefaultQuestions = "corpus/eval/questions.jsonl";

    /// <summary>How many of the worst line groups and most frequent edits the table shows (the JSON carries 20 per resolution).</summary>
    private const int Shown = 12, Kept = 20;

    public static Command Create()
    {
        var docs = new Option<string>("--docs") { Description = $"Folder whose PDFs are measured (default {DefaultDocs}); its other files join both knowledge bases", HelpName = "DIR", DefaultValueFactory = _ => DefaultDocs };
        var questionsFile = new Option<string>("--questions") { Description = $"Questions (JSONL, EVAL.md); those with gold in the PDFs are scored (default {DefaultQuestions})", HelpName = "FILE", DefaultValueFactory = _ => DefaultQuestions };
        var dpi = new Option<string>("--dpi") { Description = "Comma-separated resolutions to render and read at (default 200,300)", HelpName = "LIST", DefaultValueFactory = _ => "200,300" };
        dpi.Validators.Add(r =>
        {
            if (Dpis(r.GetValueOrDefault<string>() ?? "") is null) r.AddError("--dpi: expected comma-separated resolutions between 72 and 600, e.g. 200,300");
        });
        var pages = new Option<int?>("--pages") { Description = "Read at most the first N pages of each PDF for the CER and speed (the copies stay whole)", HelpName = "N" };
        pages.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int?>() is < 1) r.AddError("--pages must be at least 1");
        });
        var denseChars = new Option<int>("--dense-chars") { Description = $"Text-layer characters that make a page dense, for the speed figure (default {OcrAccuracyBenchmark.DefaultDenseChars})", HelpName = "N", DefaultValueFactory = _ => OcrAccuracyBenchmark.DefaultDenseChars };
        var detectionSide = new Option<int>("--detection-side")
        {
            Description = $"Longest side an image is scaled to for text detection, as Rag:Ocr:DetectionMaxSide (default {new OcrOptions().DetectionMaxSide}; 0: the image's own size)",
            HelpName = "PIXELS", DefaultValueFactory = _ => new OcrOptions().DetectionMaxSide,
        };
        var threads = new Option<int>("--threads") { Description = "ONNX Runtime threads for OCR (default 0: all cores)", HelpName = "N", DefaultValueFactory = _ => 0 };
        threads.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 0) r.AddError("--threads must be 0 (all cores) or more");
        });
        var ocrOnly = new Option<bool>("--ocr-only") { Description = "Measure CER and speed only (no image-only copies, no knowledge bases)" };
        var keep = new Option<bool>("--keep") { Description = "Keep the image-only copies and both knowledge bases (their folder is printed on stderr)" };
        var json = CommonOptions.Json();
        var command = new Command("ocr", "OCR CER vs the PDFs' text layer, render+OCR pages/s, and answers on image-only copies vs the originals")
            { docs, questionsFile, dpi, pages, denseChars, threads, detectionSide, ocrOnly, keep, json };
        command.SetAction((parse, ct) =>
        {
            var folder = parse.GetValue(docs)!;
            var questionsPath = parse.GetValue(questionsFile)!;
            var withAnswers = !parse.GetValue(ocrOnly);
            if (!Directory.Exists(folder)) return Task.FromResult(Usage($"--docs {folder}: no such folder"));
            var pdfs = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).ToList();
            if (pdfs.Count == 0) return Task.FromResult(Usage($"--docs {folder}: no PDF in it"));
            if (withAnswers && !File.Exists(questionsPath)) return Task.FromResult(Usage($"--questions {questionsPath}: no such file"));
            var settings = new Settings(folder, pdfs, Dpis(parse.GetValue(dpi)!)!, parse.GetValue(pages), parse.GetValue(denseChars), parse.GetValue(threads), parse.GetValue(keep),
                parse.GetValue(detectionSide));
            return CommandRunner.RunAsync(async () =>
            {
                var result = await RunAsync(settings, withAnswers ? questionsPath : null, ct);
                if (parse.GetValue(json)) JsonOutput.Write(result.ToJson(Kept));
                else OcrBenchTable.Print(result, Shown);
                return ExitCodes.Success;
            });
        });
        return command;
    }

    private sealed record Settings(string Folder, IReadOnlyList<string> Pdfs, IReadOnlyList<double> Dpis, int? Pages, int DenseChars, int Threads, bool Keep,
        int DetectionSide);

    private static async Task<BenchOcrResult> RunAsync(Settings settings, string? questionsPath, CancellationToken ct)
    {
        OcrModelFiles models;
        try
        {
            models = OcrModelFiles.In(OcrModelFiles.DefaultFolder);
        }
        catch (FileNotFoundException ex)
        {
            throw new CommandException(ex.Message);
        }
        var inputs = settings.Pdfs.Select(p => (Path.GetFileName(p), File.ReadAllBytes(p))).ToList();
        OcrAccuracyReport accuracy;
        using (var engine = new PpOcrEngine(models, settings.Threads, settings.DetectionSide))
        {
            Log($"reading {inputs.Count} PDF(s) at {string.Join(" and ", settings.Dpis)} dpi…");
            accuracy = new OcrAccuracyBenchmark(engine, OcrAccuracyBenchmark.Vocabulary(models.Keys), settings.Threads)
                .Run(inputs, settings.Dpis, settings.Pages, settings.DenseChars, Log, ct);
        }
        // The same dense pages read as ingestion reads them: Rag:Ocr:Parallelism engines at once, one thread's share each.
        var speed = accuracy.Speed.Select(row =>
        {
            Log($"dense pages at {row.Dpi:0} dpi with the ingestion's page workers…");
            var (workers, pagesPerSec) = OcrAccuracyBenchmark.WorkersSpeed(inputs, row.Dpi, settings.Pages, settings.DenseChars,
                new OcrOptions { Dpi = (int)row.Dpi, DetectionMaxSide = settings.DetectionSide }, ct);
            return row with { Workers = workers, WorkersPagesPerSec = pagesPerSec };
        }).ToList();
        accuracy = accuracy with { Speed = speed };
        if (questionsPath is null) return new BenchOcrResult(settings.Pdfs.Count, accuracy, null, 0);

        var questions = OcrAnswersComparison.OnPdfs(EvalQuestionFiles.Read([questionsPath]),
            settings.Pdfs.Select(p => Path.GetRelativePath(settings.Folder, p)).ToList());
        if (questions.Count == 0) Log($"no question of {questionsPath} has its gold passage in these PDFs");
        var temp = Path.Combine(Path.GetTempPath(), $"rag-bench-ocr-{Environment.ProcessId}");
        Directory.CreateDirectory(temp);
        try
        {
            var answers = await OcrAnswersComparison.RunAsync(settings.Folder, questions, temp, Log, ct);
            return new BenchOcrResult(settings.Pdfs.Count, accuracy, answers, questions.Count);
        }
        finally
        {
            if (settings.Keep) Log($"kept the image-only copies and both knowledge bases in {temp}");
            else Directory.Delete(temp, recursive: true);
        }
    }

    /// <summary>The resolutions of "200,300"; null when one is not a number in 72–600.</summary>
    private static List<double>? Dpis(string text)
    {
        var values = new List<double>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value is < 72 or > 600) return null;
            values.Add(value);
        }
        return values.Count == 0 ? null : values.Distinct().ToList();
    }

    private static int Usage(string message)
    {
        Console.Error.WriteLine($"rag: {message}");
        return ExitCodes.Usage;
    }

    private static void Log(string message) => Console.Error.WriteLine($"rag: {message}");
}
