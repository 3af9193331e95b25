using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Logging;
using RagAssistant.Ingestion.Readers;

namespace RagAssistant.Ingestion.Ocr;

/// <summary>
/// Reads the pages of one scanned document (a PDF's pages without a text layer, a multi-page TIFF) by OCR,
/// <see cref="PageOcr.Workers"/> pages at a time: each page is rendered or decoded by <c>render</c> one at a time
/// (PDFium and LibTiff are not thread-safe; each worker holds one page's pixels), then read by the next free engine within
/// its own time budget. Before each page the document's <see cref="ReadGuard"/> is extended by one page budget and
/// checked (over it, the document fails); cancellation is honoured between pages; progress goes to
/// <see cref="ReaderInput.OnOcrPage"/>, 0 of N first, then as each page ends. A page that cannot be rendered or read
/// comes back with its reason and the others go on.
/// </summary>
internal static class ScannedPageReader
{
    public static IReadOnlyList<ScannedPage> Read(
        PageOcr ocr, ReaderInput input, IReadOnlyList<int> pages, Func<int, RenderedPage> render, ILogger logger, CancellationToken ct)
    {
        var results = new ScannedPage[pages.Count];
        if (pages.Count == 0) return results;
        var rendering = new Lock();
        var done = 0;
        input.OnOcrPage?.Invoke(0, pages.Count);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = ocr.Workers, CancellationToken = ct };
        try
        {
            Parallel.For(0, pages.Count, parallel, i =>
            {
                var number = pages[i];
                input.Guard.Extend(ocr.PageBudget);
                input.Guard.Check($"OCR of page {number}");
                try
                {
                    RenderedPage rendered;
                    lock (rendering) rendered = render(number);
                    using (rendered)
                    {
                        var page = ocr.Read(rendered.Bitmap, ct);
                        results[i] = new ScannedPage(number, page, rendered.Scale, null) { Rulings = RulingsOf(rendered, page.Rotation) };
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
                {
                    results[i] = new ScannedPage(number, null, 0, ex.Message);
                    Log.OcrPageFailed(logger, input.FileName, number, ex.GetType().Name, ex.Message);
                }
                input.OnOcrPage?.Invoke(Interlocked.Increment(ref done), pages.Count);
            });
        }
        catch (AggregateException ex)
        {
            // The document's own limits and cancellation end the whole read: rethrown as themselves, not wrapped.
            var inner = ex.Flatten().InnerExceptions;
            ExceptionDispatchInfo.Throw(inner.FirstOrDefault(e => e is IngestionException) ?? inner.FirstOrDefault(e => e is OperationCanceledException) ?? inner[0]);
        }
        return results;
    }

    /// <summary>The grid lines of the page in its reading frame: found on the bitmap turned as OCR turned it to read it.</summary>
    private static Readers.Pdf.Rulings RulingsOf(RenderedPage rendered, int rotation)
    {
        if (rotation == 0) return BitmapRulings.Find(rendered.Bitmap, rendered.Scale, top: 0);
        using var turned = PageOrientation.Turn(rendered.Bitmap, rotation);
        return BitmapRulings.Find(turned, rendered.Scale, top: 0);
    }
}

/// <summary>One page read by OCR: its lines and pixels per point, or the reason it could not be read.</summary>
internal sealed record ScannedPage(int Number, OcrPage? Read, double Scale, string? Error)
{
    /// <summary>The grid lines found on the page's bitmap (<see cref="BitmapRulings"/>), in points below the page's top edge (y = 0 there, negative down).</summary>
    public Readers.Pdf.Rulings Rulings { get; init; } = Readers.Pdf.Rulings.None;
}
