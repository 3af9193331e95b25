using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RagAssistant.Core.Documents;
using RagAssistant.Ingestion.Readers.Pdf;
using SkiaSharp;

namespace RagAssistant.Ingestion.Ocr;

/// <summary>
/// OCR for the readers (image files, scanned PDF pages), configured by <see cref="OcrOptions"/> (<c>Rag:Ocr</c>): a small
/// pool of PP-OCR engines for the process, each loaded on first use (a few seconds) and reading one image at a time (an
/// engine is not thread-safe), <see cref="OcrOptions.Workers"/> of them, each with its share of the cores. Every read
/// has a time budget of <see cref="OcrOptions.PageSeconds"/>. Its lines come back as page lines in PDF units — points,
/// y up — so the PDF layout logic (paragraphs, clauses, headings, aligned tables) runs on them as on a text layer.
/// </summary>
public sealed class PageOcr : IDisposable
{
    private readonly OcrOptions _options;
    private readonly ILogger _logger;
    private readonly ConcurrentBag<PpOcrEngine> _idle = [];
    private readonly List<PpOcrEngine> _all = [];
    private readonly SemaphoreSlim _workers;
    private readonly Lock _creating = new();
    private string? _device;

    public PageOcr(IOptions<OcrOptions> options, ILogger<PageOcr>? logger = null)
        : this(options.Value, logger)
    {
    }

    public PageOcr(OcrOptions options, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _logger = logger ?? NullLogger.Instance;
        _workers = new SemaphoreSlim(options.Workers, options.Workers);
    }

    public OcrOptions Options => _options;

    /// <summary>Whether OCR is turned on (<see cref="OcrOptions.Enabled"/>).</summary>
    public bool Enabled => _options.Enabled;

    /// <summary>Pages read at the same time (<see cref="OcrOptions.Workers"/>).</summary>
    public int Workers => _options.Workers;

    /// <summary>Below this mean confidence a line is uncertain and a page is <see cref="PageStatus.OcrLowConfidence"/>.</summary>
    public double MinConfidence => _options.MinConfidence;

    /// <summary>Time one page's OCR may take, and what each page read adds to its document's budget.</summary>
    public TimeSpan PageBudget => TimeSpan.FromSeconds(_options.PageSeconds);

    /// <summary>
    /// The status of a page read by OCR: empty without text; ocr_low_confidence, with the figure, when the mean character
    /// confidence (weighted by line length) is under <see cref="MinConfidence"/>; else ocr_done. It keeps the turn the page
    /// was read at (<see cref="OcrPage.Rotation"/>).
    /// </summary>
    public PageInfo Status(int page, OcrPage read)
    {
        var characters = read.Lines.Sum(l => l.Text.Length);
        if (characters == 0) return new PageInfo(page, PageStatus.Empty, 0);
        var mean = read.Lines.Sum(l => l.Confidence * l.Text.Length) / characters;
        var status = mean < MinConfidence
            ? new PageInfo(page, PageStatus.OcrLowConfidence, characters,
                string.Create(CultureInfo.InvariantCulture, $"mean OCR confidence {mean:0.00}, below {MinConfidence:0.00}"))
            : new PageInfo(page, PageStatus.OcrDone, characters);
        return status with { Rotation = read.Rotation };
    }

    /// <summary>
    /// Reads a decoded bitmap with the next free engine, within <see cref="PageBudget"/>; throws
    /// <see cref="IngestionException"/> when the budget runs out or the models are missing.
    /// </summary>
    public OcrPage Read(SKBitmap bitmap, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bitmap);
        if (IsBlank(bitmap)) return new OcrPage(bitmap.Width, bitmap.Height, []);
        _workers.Wait(cancellationToken);
        try
        {
            var engine = Take();
            try
            {
                using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                budget.CancelAfter(PageBudget);
                try
                {
                    OcrPage read;
                    if ((long)bitmap.Width * bitmap.Height <= _options.MaxPixels) read = Upright(engine, bitmap, budget.Token);
                    else
                    {
                        using var smaller = ImageDecoding.FitWithin(bitmap.Copy(), _options.MaxPixels);
                        read = Scale(Upright(engine, smaller, budget.Token), (double)bitmap.Width / smaller.Width, bitmap.Width, bitmap.Height);
                    }
                    // The engine looks at the token only between its stages: a read that ran past the budget in one stage
                    // is over it all the same, and is left out like one the engine stopped.
                    budget.Token.ThrowIfCancellationRequested();
                    return read;
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    throw new IngestionException(IngestProblem.TimedOut, $"OCR took longer than its budget of {_options.PageSeconds} s (Rag:Ocr:PageSeconds)");
                }
            }
            finally
            {
                _idle.Add(engine);
            }
        }
        finally
        {
            _workers.Release();
        }
    }

    /// <summary>
    /// A page with no pixel darker than <see cref="InkLevel"/> in any channel (a blank sheet, a separator page) has no
    /// text: it is empty without running the detector, which takes a good part of a second per page on a CPU. A scanned
    /// blank with specks or a grey cast still goes to the detector, which finds no boxes on it.
    /// </summary>
    internal static bool IsBlank(SKBitmap bitmap) =>
        bitmap.ColorType is SKColorType.Bgra8888 or SKColorType.Rgba8888 && bitmap.GetPixelSpan().IndexOfAnyInRange((byte)0, (byte)(InkLevel - 1)) < 0;

    /// <summary>
    /// The lightest level counted as ink, 3/4 of white: pencil, grey print and coloured print (in one of its channels,
    /// as yellow in blue) are darker.
    /// </summary>
    private const int InkLevel = 192;

    /// <summary>
    /// The OCR lines as lines of page <paramref name="page"/>: pixel coordinates divided by <paramref name="scale"/>
    /// (pixels per point), y flipped below <paramref name="top"/>, shifted by <paramref name="left"/>; a box's height
    /// stands for its font size. Each box keeps its confidence, and one under <paramref name="uncertainBelow"/> is marked
    /// uncertain, so its boxes say so where it is quoted. Boxes standing on one visual line (the detector boxes each cell
    /// of a table row, or a sentence broken by a wide gap, on its own) become the segments of one line, left to right, and
    /// the page's reading order comes from <see cref="ColumnLayout"/> — as a text layer's words do — so the unruled-table
    /// logic sees a table row as a row of cells and a two-column page is read column by column.
    /// </summary>
    internal static List<TextLine> Lines(OcrPage ocr, int page, double scale, double top, double left = 0, double uncertainBelow = 0,
        VerticalRules? rules = null)
    {
        var segments = ocr.Lines.Select(line =>
        {
            var box = line.Bounds;
            double x0 = left + box.Left / scale, x1 = left + box.Right / scale, y1 = top - box.Top / scale, y0 = top - box.Bottom / scale;
            return new TextSegment(line.Text, x0, y0, x1, y1, Math.Max(1, y1 - y0), Bold: false)
            {
                OcrConfidence = line.Confidence,
                OcrUncertain = line.Confidence < uncertainBelow,
            };
        });
        return ColumnLayout.Order(page, Rows(segments), rules ?? VerticalRules.None);
    }

    /// <summary>
    /// Segments grouped into visual lines, top to bottom: a segment joins the line whose first segment it overlaps
    /// vertically by at least half the smaller height (the first segment anchors the line, so a skewed page cannot chain
    /// one line into the next); each line left to right.
    /// </summary>
    private static List<List<TextSegment>> Rows(IEnumerable<TextSegment> segments)
    {
        var rows = new List<List<TextSegment>>();
        foreach (var segment in segments.OrderByDescending(s => s.Top))
        {
            var row = rows.FirstOrDefault(r => SameLine(r[0], segment));
            if (row is null) rows.Add([segment]);
            else row.Add(segment);
        }
        foreach (var row in rows) row.Sort((a, b) => a.Left.CompareTo(b.Left));
        return rows;
    }

    private static bool SameLine(TextSegment a, TextSegment b)
    {
        var overlap = Math.Min(a.Top, b.Top) - Math.Max(a.Bottom, b.Bottom);
        return overlap >= 0.5 * Math.Min(a.Top - a.Bottom, b.Top - b.Bottom);
    }

    /// <summary>One reading, turned upright when the page is turned (<see cref="PageOrientation"/>, Rag:Ocr:Orientation).</summary>
    private OcrPage Upright(PpOcrEngine engine, SKBitmap bitmap, CancellationToken cancellationToken) =>
        _options.Orientation ? PageOrientation.Read(bitmap, b => engine.Read(b, cancellationToken)) : engine.Read(bitmap, cancellationToken);

    /// <summary>A reading of the scaled-down image at the full image's size (<paramref name="width"/> × <paramref name="height"/> before any turn).</summary>
    private static OcrPage Scale(OcrPage read, double factor, int width, int height)
    {
        var quarter = read.Rotation is 90 or 270;
        return new OcrPage(quarter ? height : width, quarter ? width : height,
            read.Lines.Select(l => l with { Corners = l.Corners.Select(p => new OcrPoint((float)(p.X * factor), (float)(p.Y * factor))).ToArray() }).ToList())
        {
            Rotation = read.Rotation,
        };
    }

    private PpOcrEngine Take()
    {
        if (_idle.TryTake(out var engine)) return engine;
        lock (_creating)
        {
            var created = Create();
            _all.Add(created);
            return created;
        }
    }

    private PpOcrEngine Create()
    {
        OcrModelFiles files;
        try
        {
            files = OcrModelFiles.In(_options.Models);
        }
        catch (FileNotFoundException ex)
        {
            throw new IngestionException(IngestProblem.OcrFailed, $"cannot run OCR: {ex.Message}", ex);
        }
        var threads = Math.Max(1, Environment.ProcessorCount / _options.Workers);
        if (_options.Device != "cpu" && _device != "cpu")
        {
            try
            {
                var engine = new PpOcrEngine(files, threads, _options.DetectionMaxSide, _options.DeviceId);
                LogDevice($"cuda:{_options.DeviceId}", $"Rag:Ocr:Device={_options.Device}");
                return engine;
            }
            catch (Exception ex) when (ex is Microsoft.ML.OnnxRuntime.OnnxRuntimeException or InvalidOperationException or DllNotFoundException
                                           or EntryPointNotFoundException)
            {
                LogDevice("cpu", $"CUDA is not usable for OCR ({ex.Message.Split('\n')[0]})");
            }
        }
        else LogDevice("cpu", "Rag:Ocr:Device=cpu");
        return new PpOcrEngine(files, threads, _options.DetectionMaxSide);
    }

    private void LogDevice(string device, string reason)
    {
        if (_device == device) return;
        _device = device;
        Log.OcrDevice(_logger, device, reason, _options.Workers);
    }

    public void Dispose()
    {
        lock (_creating)
            foreach (var engine in _all) engine.Dispose();
        _workers.Dispose();
    }
}
