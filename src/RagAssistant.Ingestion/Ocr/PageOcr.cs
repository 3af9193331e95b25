using RagAssistant.Ingestion.Readers.Pdf;
using Microsoft.Extensions.Options;
using RagAssistant.Core.Documents;
using SkiaSharp;

namespace RagAssistant.Ingestion.Ocr;

/// <summary>
/// OCR for the readers (image files, scanned PDF pages): one PP-OCR engine for the process, loaded on first use (a few
/// seconds) from <see cref="OcrModelFiles.DefaultFolder"/>, reading one image at a time (the engine is not thread-safe,
/// and one page already keeps every core busy). Its lines come back as page lines in PDF units — points, y up — so the
/// PDF layout logic (paragraphs, clauses, headings, aligned tables) runs on them as on a text layer.
/// </summary>
public sealed class PageOcr : IDisposable
{
    private readonly Lazy<PpOcrEngine> _engine;
    private readonly Lock _reading = new();

    public PageOcr(IOptions<IngestionOptions> options)
        : this(OcrModelFiles.DefaultFolder, TimeSpan.FromSeconds(options.Value.OcrPageSeconds), options.Value.OcrScannedPdfPages,
            options.Value.OcrMinConfidence)
    {
    }

    public PageOcr(string modelFolder, TimeSpan pageBudget, bool scannedPdfPages = true, double minConfidence = 0.8)
    {
        _engine = new Lazy<PpOcrEngine>(() => new PpOcrEngine(OcrModelFiles.In(modelFolder)));
        PageBudget = pageBudget;
        ScannedPdfPages = scannedPdfPages;
        MinConfidence = minConfidence;
    }

    /// <summary>Below this mean confidence a page is <see cref="PageStatus.OcrLowConfidence"/> (<see cref="IngestionOptions.OcrMinConfidence"/>).</summary>
    public double MinConfidence { get; }

    /// <summary>
    /// The status of a page read by OCR: empty without text; ocr_low_confidence, with the figure, when the mean character
    /// confidence (weighted by line length) is under <see cref="MinConfidence"/>; else ocr_done.
    /// </summary>
    public PageInfo Status(int page, OcrPage read)
    {
        var characters = read.Lines.Sum(l => l.Text.Length);
        if (characters == 0) return new PageInfo(page, PageStatus.Empty, 0);
        var mean = read.Lines.Sum(l => l.Confidence * l.Text.Length) / characters;
        return mean < MinConfidence
            ? new PageInfo(page, PageStatus.OcrLowConfidence, characters,
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"mean OCR confidence {mean:0.00}, below {MinConfidence:0.00}"))
            : new PageInfo(page, PageStatus.OcrDone, characters);
    }

    /// <summary>Whether scanned PDF pages are read (<see cref="IngestionOptions.OcrScannedPdfPages"/>).</summary>
    public bool ScannedPdfPages { get; }

    /// <summary>Time a document's budget grows by for each page read by OCR (<see cref="IngestionOptions.OcrPageSeconds"/>).</summary>
    public TimeSpan PageBudget { get; }

    /// <summary>Reads an encoded image (PNG, JPEG, BMP); throws <see cref="IngestionException"/> when it cannot.</summary>
    public OcrPage Read(byte[] encodedImage, CancellationToken cancellationToken) =>
        Run(engine => engine.Read(encodedImage, cancellationToken));

    public OcrPage Read(SKBitmap bitmap, CancellationToken cancellationToken) =>
        Run(engine => engine.Read(bitmap, cancellationToken));

    /// <summary>
    /// The OCR lines as lines of page <paramref name="page"/>: pixel coordinates divided by <paramref name="scale"/>
    /// (pixels per point), y flipped below <paramref name="top"/>, shifted by <paramref name="left"/>; top to bottom, then
    /// left to right; a line's height stands for its font size.
    /// </summary>
    internal static List<TextLine> Lines(OcrPage ocr, int page, double scale, double top, double left = 0) =>
        ocr.Lines.Select(line =>
            {
                var box = line.Bounds;
                double x0 = left + box.Left / scale, x1 = left + box.Right / scale, y1 = top - box.Top / scale, y0 = top - box.Bottom / scale;
                return new TextLine(page, 0, [new TextSegment(line.Text, x0, y0, x1, y1, Math.Max(1, y1 - y0), Bold: false)]);
            })
            .OrderByDescending(l => l.Top).ThenBy(l => l.Left)
            .ToList();

    private OcrPage Run(Func<PpOcrEngine, OcrPage> read)
    {
        try
        {
            lock (_reading) return read(_engine.Value);
        }
        catch (FileNotFoundException ex)
        {
            throw new IngestionException($"cannot run OCR: {ex.Message}", ex);
        }
    }

    public void Dispose()
    {
        if (_engine.IsValueCreated) _engine.Value.Dispose();
    }
}
