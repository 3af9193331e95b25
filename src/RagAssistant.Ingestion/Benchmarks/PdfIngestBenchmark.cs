using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using RagAssistant.Ingestion.Detection;
using RagAssistant.Ingestion.Readers;
using RagAssistant.Ingestion.Readers.Pdf;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace RagAssistant.Ingestion.Benchmarks;

/// <summary>
/// <c>rag bench ingest</c>: our PDF reader (line assembly, reading order, headers/footers, headings, tables — everything
/// up to the chunker; no embedding) against PdfPig's plain text extraction of every page, on one thread, same bytes.
/// Protocol (ARCHITECTURE.md): one warm-up pass of each, then <c>repetitions</c> passes interleaving ours, page.Text and
/// ContentOrderTextExtractor; medians reported. ratio = our pages/s ÷ page.Text pages/s (the faster baseline).
/// </summary>
public static class PdfIngestBenchmark
{
    public static PdfBenchResult Run(string name, byte[] pdf, int repetitions, CancellationToken cancellationToken = default)
    {
        var reader = new PdfReader(NullLogger<PdfReader>.Instance);
        var input = new ReaderInput(name, pdf, new DetectedContent(ContentTypes.Pdf));
        int pages;
        using (var document = PdfDocument.Open(pdf)) pages = document.NumberOfPages;

        Ours(); PlainText(); ContentOrder(); // warm-up: JIT, font caches
        var ours = new List<double>();
        var plain = new List<double>();
        var contentOrder = new List<double>();
        for (var i = 0; i < repetitions; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ours.Add(Time(Ours));
            plain.Add(Time(PlainText));
            contentOrder.Add(Time(ContentOrder));
        }
        double oursRate = pages / Median(ours), plainRate = pages / Median(plain), contentRate = pages / Median(contentOrder);
        return new PdfBenchResult(name, pages, repetitions, Math.Round(oursRate, 1), Math.Round(plainRate, 1), Math.Round(contentRate, 1),
            Math.Round(oursRate / plainRate, 3), Math.Round(oursRate / contentRate, 3));

        void Ours() => reader.Read(input, cancellationToken);

        void PlainText()
        {
            using var document = PdfDocument.Open(pdf, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
            for (var n = 1; n <= document.NumberOfPages; n++) _ = document.GetPage(n).Text;
        }

        void ContentOrder()
        {
            using var document = PdfDocument.Open(pdf, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
            for (var n = 1; n <= document.NumberOfPages; n++) _ = ContentOrderTextExtractor.GetText(document.GetPage(n));
        }
    }

    private static double Time(Action action)
    {
        var clock = Stopwatch.StartNew();
        action();
        return clock.Elapsed.TotalSeconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
