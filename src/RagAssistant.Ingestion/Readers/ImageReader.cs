using RagAssistant.Core.Documents;
using RagAssistant.Ingestion.Ocr;
using RagAssistant.Ingestion.Readers.Pdf;

namespace RagAssistant.Ingestion.Readers;

/// <summary>
/// An image file (PNG, JPEG, BMP: a photographed nameplate, a scanned process card) read by OCR as one page. The OCR
/// lines become the page's lines, in the same units and orientation as a PDF page's text (a pixel is a point, y up), so
/// the PDF layout logic — paragraphs, numbered clauses, headings, aligned tables — runs on them unchanged, and each
/// chunk keeps the boxes of its lines. The models are loaded on the first image (a few seconds) and shared; the engine
/// reads one image at a time.
/// </summary>
public sealed class ImageReader : IDocumentReader, IDisposable
{
    private readonly Lazy<PpOcrEngine> _engine;
    private readonly Lock _reading = new();

    public ImageReader() : this(OcrModelFiles.DefaultFolder)
    {
    }

    public ImageReader(string modelFolder) =>
        _engine = new Lazy<PpOcrEngine>(() => new PpOcrEngine(OcrModelFiles.In(modelFolder)));

    public IReadOnlyCollection<string> ContentTypes { get; } = [Detection.ContentTypes.Image];

    public ParsedDocument Read(ReaderInput input, CancellationToken cancellationToken)
    {
        OcrPage page;
        try
        {
            lock (_reading) page = _engine.Value.Read(input.Bytes, cancellationToken);
        }
        catch (FileNotFoundException ex)
        {
            throw new IngestionException($"cannot read images: {ex.Message}", ex);
        }
        var lines = page.Lines
            .Select(line => Line(line, page.Height))
            .OrderByDescending(l => l.Top).ThenBy(l => l.Left)
            .ToList();
        if (lines.Count == 0) throw new IngestionException($"OCR found no text in the {page.Width}×{page.Height} image");
        var details = new[] { new PageInfo(1, PageStatus.OcrDone, lines.Sum(l => l.Text.Length)) };

        var builder = new PdfBlockBuilder();
        var (title, blocks) = builder.Build([new PdfPageText(1, page.Height, page.Height, lines, Rulings.None)]);
        return new ParsedDocument(title, blocks, 1) { PageDetails = details };
    }

    /// <summary>An OCR line as a page line: its bounding box flipped to y up, its height standing for the font size.</summary>
    private static TextLine Line(OcrLine line, int imageHeight)
    {
        var box = line.Bounds;
        double left = box.Left, right = box.Right, top = imageHeight - box.Top, bottom = imageHeight - box.Bottom;
        return new TextLine(1, 0, [new TextSegment(line.Text, left, bottom, right, top, Math.Max(1, top - bottom), Bold: false)]);
    }

    public void Dispose()
    {
        if (_engine.IsValueCreated) _engine.Value.Dispose();
    }
}
