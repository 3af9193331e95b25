using Microsoft.Extensions.DependencyInjection;
using RagAssistant.Core.Evaluation;
using RagAssistant.Core.Search;
using RagAssistant.Core.Storage;
using RagAssistant.Generation.Llm;
using RagAssistant.Ingestion;
using RagAssistant.Ingestion.Benchmarks;
using RagAssistant.Ingestion.Ocr;
using RagAssistant.Retrieval.Evaluation;

namespace RagAssistant.Cli.Bench;

/// <summary>
/// The answers half of <c>rag bench ocr</c>: the docs folder copied to <c>temp</c> with every PDF replaced by its
/// image-only copy (<see cref="ImageOnlyPdf"/>, <see cref="CopyDpi"/> dpi; every other file as it is), then the original
/// folder and the copy each ingested into a knowledge base of its own (a temp SQLite file, the configured embedding
/// model, extractive answers — what <c>rag ingest</c> and <c>rag eval</c> do), OCR of scanned PDF pages on for the
/// copy, and the questions scored on both by <see cref="EvalRunner"/> (hybrid retrieval, answers) in this run.
/// Each step builds its services afresh, as separate <c>rag ingest</c> and <c>rag eval</c> runs would.
/// </summary>
internal static class OcrAnswersComparison
{
    /// <summary>Resolution of the image-only copies: what an office scanner delivers, and what ingestion renders at.</summary>
    public const double CopyDpi = 200;

    /// <summary>The setting that turns OCR of scanned pages on (the default) or off.</summary>
    private const string OcrSetting = $"{OcrOptions.Section}:{nameof(OcrOptions.Enabled)}";

    public static async Task<OcrAnswersResult> RunAsync(string docs, IReadOnlyList<EvalQuestion> questions, string temp,
        Action<string> log, CancellationToken ct)
    {
        var copy = Path.Combine(temp, Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(docs))));
        var warnings = CopyImageOnly(docs, copy, log, ct);

        log($"ingesting {docs} (text layer) into a temporary knowledge base…");
        var originalDb = Path.Combine(temp, "original.db");
        var original = await IngestAsync(docs, originalDb, ocr: false, ct);
        log($"ingesting the image-only copy {copy} (OCR of scanned pages on)…");
        var imageOnlyDb = Path.Combine(temp, "image-only.db");
        var imageOnly = await IngestAsync(copy, imageOnlyDb, ocr: true, ct);

        log($"scoring {questions.Count} questions on both…");
        var baseline = await EvaluateAsync(originalDb, questions, ct);
        var scanned = await EvaluateAsync(imageOnlyDb, questions, ct);
        var rows = new List<OcrAnswersRow> { Row("all", baseline, scanned) };
        foreach (var split in baseline.BySplit.Keys.Union(scanned.BySplit.Keys).Order(StringComparer.Ordinal))
            rows.Add(Row(split, baseline.BySplit.GetValueOrDefault(split), scanned.BySplit.GetValueOrDefault(split)));

        var missedBefore = baseline.Failures.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        var missedNow = scanned.Failures.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        return new OcrAnswersResult(rows,
            new OcrIngestFigures(original.Ingested, original.Failed, original.Files.Sum(f => f.Chunks)),
            new OcrIngestFigures(imageOnly.Ingested, imageOnly.Failed, imageOnly.Files.Sum(f => f.Chunks)),
            scanned.Failures.Where(f => !missedBefore.Contains(f.Id)).Select(f => f.Id).ToList(),
            baseline.Failures.Where(f => !missedNow.Contains(f.Id)).Select(f => f.Id).ToList(),
            warnings.Concat(imageOnly.Files.SelectMany(f => f.Warnings.Select(w => $"{Path.GetFileName(f.Path)}: {w}")))
                .Concat(imageOnly.Files.Where(f => f.Error is not null).Select(f => $"{Path.GetFileName(f.Path)}: {f.Error}")).ToList());
    }

    /// <summary>The questions with a gold passage in one of the PDFs (by EVAL.md's source rule, on their paths under the folder).</summary>
    public static IReadOnlyList<EvalQuestion> OnPdfs(IReadOnlyList<EvalQuestion> questions, IReadOnlyList<string> pdfPaths)
    {
        var sources = pdfPaths.Select(p => p.Replace('\\', '/')).ToList();
        return questions.Where(q => q.Gold.Any(g => sources.Any(s => GoldMatcher.SourceMatches(g.Source, s)))).ToList();
    }

    private static List<string> CopyImageOnly(string docs, string copy, Action<string> log, CancellationToken ct)
    {
        var warnings = new List<string>();
        foreach (var file in Directory.EnumerateFiles(docs, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            ct.ThrowIfCancellationRequested();
            var target = Path.Combine(copy, Path.GetRelativePath(docs, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            if (!file.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
            {
                File.Copy(file, target);
                continue;
            }
            log($"{Path.GetFileName(file)}: image-only copy at {CopyDpi:0} dpi");
            try
            {
                File.WriteAllBytes(target, ImageOnlyPdf.Build(File.ReadAllBytes(file), CopyDpi, cancellationToken: ct));
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
            {
                // Left out of the copy: its questions then miss there, which the figures show.
                warnings.Add($"{Path.GetFileName(file)}: no image-only copy ({ex.Message})");
            }
        }
        return warnings;
    }

    private static async Task<IngestReport> IngestAsync(string folder, string db, bool ocr, CancellationToken ct)
    {
        await using var services = CliServices.Build(db, Settings(ocr));
        await services.GetRequiredService<IDocumentStore>().OpenAsync(ct);
        return await services.GetRequiredService<IngestionPipeline>()
            .IngestPathsAsync([folder], new IngestRequest(Libraries.Default), cancellationToken: ct);
    }

    private static async Task<EvalReport> EvaluateAsync(string db, IReadOnlyList<EvalQuestion> questions, CancellationToken ct)
    {
        await using var services = CliServices.Build(db, Settings(ocr: false));
        return await services.GetRequiredService<EvalRunner>().RunAsync(questions, RetrieverMode.Hybrid, withAnswers: true, cancellationToken: ct);
    }

    /// <summary>Extractive answers whatever LLM is configured (the comparison is about what OCR read, not a model); OCR as asked; always SQLite.</summary>
    private static Dictionary<string, string?> Settings(bool ocr) => new()
    {
        [StorageProvider.Key] = StorageProvider.Sqlite, // its own temporary files, whatever store the knowledge base is on
        [$"{LlmOptions.Section}:Provider"] = LlmOptions.None,
        [OcrSetting] = ocr ? "true" : "false",
    };

    private static OcrAnswersRow Row(string split, EvalSummary? baseline, EvalSummary? scanned) => new(
        split, (scanned ?? baseline)?.Questions ?? 0, (scanned ?? baseline)?.Answerable ?? 0,
        scanned?.Hit5, scanned?.AnswerContains, baseline?.Hit5, baseline?.AnswerContains,
        Ratio(scanned?.Hit5, baseline?.Hit5), Ratio(scanned?.AnswerContains, baseline?.AnswerContains));

    private static double? Ratio(double? copy, double? original) =>
        copy is { } c && original is { } o && o > 0 ? Math.Round(c / o, 3) : null;
}

/// <summary>
/// The answers comparison: its rows; each knowledge base's ingestion (files ingested and failed, chunks); the
/// questions the copy misses in its top 5 that the original finds (<see cref="LostHits"/>) and the reverse; and the
/// warnings of the copy's ingestion (pages OCR could not read, low-confidence pages).
/// </summary>
internal sealed record OcrAnswersResult(
    IReadOnlyList<OcrAnswersRow> Rows, OcrIngestFigures Original, OcrIngestFigures ImageOnly,
    IReadOnlyList<string> LostHits, IReadOnlyList<string> GainedHits, IReadOnlyList<string> Warnings);

internal sealed record OcrIngestFigures(int Ingested, int Failed, int Chunks);
