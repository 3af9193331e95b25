using Microsoft.Extensions.Logging;
using RagAssistant.Core.Documents;
using RagAssistant.Ingestion.Detection;
using RagAssistant.Ingestion.Ocr;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Exceptions;

namespace RagAssistant.Ingestion.Readers.Pdf;

/// <summary>
/// Reads PDFs with PdfPig, page by page: letters → lines and segments (<see cref="LineAssembler"/>), reading order
/// across columns (<see cref="ColumnLayout"/>), running headers and footers removed (<see cref="RepeatedMargins"/>),
/// contents pages turned into the outline (<see cref="ContentsPage"/>), then headings, paragraphs and tables
/// (<see cref="PdfBlockBuilder"/>). A page that throws is reported as a warning
/// and the others are kept; a page without a text layer but with images is marked as needing OCR. The document's time
/// budget and memory ceiling (<see cref="ReaderInput.Guard"/>) and cancellation are checked between pages.
/// </summary>
/// <para>
/// Scanned pages (images, no text layer) are rendered (Rag:Ocr:Dpi, 200) and read by OCR (<see cref="PageOcr"/>) when it
/// is given and turned on (Rag:Ocr:Enabled): their OCR lines, in page points, take the place of the page's text, so headers, clauses and tables are found
/// on them as on a text layer, and the page is marked <see cref="PageStatus.OcrDone"/>. A page OCR cannot read stays
/// <see cref="PageStatus.NeedsOcr"/> with a warning.
/// </para>
public sealed class PdfReader(ILogger<PdfReader> logger, PageOcr? ocr = null) : IDocumentReader
{
    /// <summary>Fewer characters than this on a page with images: a scan with a stray text object (a stamp, a page number).</summary>
    private const int ScanTextThreshold = 16;

    public IReadOnlyCollection<string> ContentTypes { get; } = [Detection.ContentTypes.Pdf];

    public ParsedDocument Read(ReaderInput input, CancellationToken cancellationToken) => ReadWithTables(input, cancellationToken).Document;

    /// <summary>Reads the document and also returns the tables found in it, as found (cells with spans and pages).</summary>
    internal (ParsedDocument Document, IReadOnlyList<DetectedTable> Tables) ReadWithTables(ReaderInput input, CancellationToken cancellationToken)
    {
        using var document = PdfOpener.Open(input);
        var pageCount = document.NumberOfPages;
        var pages = new List<PdfPageText>(pageCount);
        var details = new List<PageInfo>(pageCount);
        var warnings = new List<IngestNote>();
        var shown = new ShownPage[pageCount + 1];
        var frames = new Dictionary<int, PageFrame>();
        string? firstError = null;
        int failed = 0, undecryptable = 0;
        var oversized = new Dictionary<int, string>();

        for (var number = 1; number <= pageCount; number++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            input.Guard.Check($"page {number} of {pageCount}");
            try
            {
                var page = document.GetPage(number);
                var frame = PageFrame.Of(page);
                shown[number] = ShownPage.Of(page);
                frames[number] = frame;
                var rulings = Rulings.Of(page, frame);
                var lines = ColumnLayout.Order(number, LineAssembler.Rows(page, frame, rulings.VerticalIndex), rulings.VerticalIndex);
                var (top, height) = Extent(page, frame);
                pages.Add(new PdfPageText(number, top, height, lines, rulings));
                var characters = lines.Sum(l => l.Text.Length);
                var status = characters >= ScanTextThreshold ? PageStatus.Text
                    : page.NumberOfImages > 0 ? PageStatus.NeedsOcr
                    : characters > 0 ? PageStatus.Text : PageStatus.Empty;
                // Letters are in the shown space: text running sideways there reads upright turned by its frame's turn.
                details.Add(new PageInfo(number, status, characters) { Rotation = status == PageStatus.Text ? frame.Turn : 0 });
                if (status == PageStatus.NeedsOcr && ocr is { Enabled: true }) ImageTooLarge(page, number, oversized);
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not IngestionException and not OutOfMemoryException)
            {
                failed++;
                if (ex is PdfDocumentEncryptedException) undecryptable++;
                var reason = ex is PdfDocumentEncryptedException ? $"cannot be decrypted: {PdfOpener.Describe(ex)}" : PdfOpener.Describe(ex);
                firstError ??= $"page {number}: {reason}";
                details.Add(new PageInfo(number, PageStatus.Failed, 0, reason));
                if (failed <= PageNotes.Listed) warnings.Add(PageNotes.Unreadable(number, reason));
                Log.PdfPageFailed(logger, input.FileName, number, ex.GetType().Name);
            }
        }
        if (failed > PageNotes.Listed) warnings.Add(PageNotes.UnreadableInAll(failed));
        if (pageCount > 0 && undecryptable == pageCount)
            throw new IngestionException(IngestProblem.PasswordProtected, $"encrypted PDF: it opens but its pages cannot be decrypted, no extractable text ({firstError})");
        if (pageCount > 0 && failed == pageCount)
            throw new IngestionException(IngestProblem.Damaged, $"malformed PDF: none of its {pageCount} page(s) could be read ({firstError})");

        var ocrFrames = ocr is { Enabled: true } ? ReadScannedPages(input, pages, details, shown, warnings, oversized, cancellationToken) : [];

        // Pages that needed OCR keep their (near-empty) text out of the body: a stamp alone is not content.
        var readable = pages.Where(p => details[p.Number - 1].Status != PageStatus.NeedsOcr).ToList();
        var runningTitle = RepeatedMargins.Remove(readable);
        var outline = ContentsPage.Extract(readable, pageCount);
        var builder = new PdfBlockBuilder(outline);
        var (title, blocks) = builder.Build(readable);
        outline.InsertParagraphs(blocks);
        // Pages were laid out upright (in their text's frame, or OCR's turned reading); boxes go back into user space,
        // where the viewer draws them through the page's own /Rotate.
        blocks = BlockBoxes.Map(blocks, box => ocrFrames.TryGetValue(box.Page, out var ocrFrame) ? ocrFrame.ToPage(box)
            : frames.TryGetValue(box.Page, out var frame) && (frame != PageFrame.Upright || !shown[box.Page].IsUserSpace)
                ? shown[box.Page].ToUser(frame.ToPage(box)) : box);
        return (new ParsedDocument(title ?? InfoTitle(document) ?? runningTitle, blocks, pageCount, warnings) { PageDetails = details }, builder.Tables);
    }

    /// <summary>
    /// Renders each page that needs OCR and reads it, <see cref="PageOcr.Workers"/> pages at a time
    /// (<see cref="ScannedPageReader"/>: one rendered page per worker, PDFium renders one page at a time, progress to
    /// <see cref="ReaderInput.OnOcrPage"/>); a page OCR cannot read keeps needs_ocr with the reason, the others go on.
    /// A page placed sideways or upside down is read turned upright (<see cref="PageOrientation"/>): its lines (and the
    /// grid lines found on its bitmap) are in that reading frame, its page record keeps the turn, and the frame returned
    /// maps its boxes back onto the page.
    /// </summary>
    private Dictionary<int, OcrPageFrame> ReadScannedPages(ReaderInput input, List<PdfPageText> pages, List<PageInfo> details, ShownPage[] shown,
        List<IngestNote> warnings, Dictionary<int, string> oversized, CancellationToken ct)
    {
        var frames = new Dictionary<int, OcrPageFrame>();
        var scanned = pages.Where(p => details[p.Number - 1].Status == PageStatus.NeedsOcr).Select(p => p.Number).ToList();
        if (scanned.Count == 0) return frames;
        PdfPageRenderer renderer;
        try
        {
            renderer = new PdfPageRenderer(input.Bytes, input.Passwords.FirstOrDefault(), ocr!.Options.Dpi, ocr.Options.MaxPixels); // the document is parsed once
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            warnings.Add(PageNotes.NotRendered(ex.Message));
            return frames;
        }
        IReadOnlyList<ScannedPage> read;
        using (renderer)
            read = ScannedPageReader.Read(ocr, input, scanned,
                number => oversized.TryGetValue(number, out var reason) ? throw new IngestionException(IngestProblem.ImageTooLarge, reason) : renderer.Render(number), logger, ct);
        var failed = new List<ScannedPage>();
        foreach (var page in read)
        {
            var index = pages.FindIndex(p => p.Number == page.Number);
            if (page.Read is null)
            {
                details[page.Number - 1] = details[page.Number - 1] with { Error = $"OCR failed: {page.Error}" };
                failed.Add(page);
                continue;
            }
            var frame = frames[page.Number] = OcrPageFrame.Of(page.Read, page.Scale, shown[page.Number]);
            var rulings = page.Rulings.Shifted(frame.ReadingTop);
            pages[index] = new PdfPageText(page.Number, frame.ReadingTop, frame.ReadingTop,
                frame.Lines(page.Read, page.Number, ocr.MinConfidence, rulings.VerticalIndex), rulings);
            details[page.Number - 1] = ocr.Status(page.Number, page.Read);
        }
        warnings.AddRange(failed.Take(PageNotes.Listed).Select(f => PageNotes.OcrFailed(f.Number, f.Error)));
        if (failed.Count > PageNotes.Listed) warnings.Add(PageNotes.OcrFailedInAll(failed.Count));
        return frames;
    }

    /// <summary>
    /// Notes a scanned page whose largest image is over <see cref="ImageDecoding.MaxDecodeFactor"/> times Rag:Ocr:MaxPixels
    /// (<see cref="PageImageSize"/>): it is not rendered, and fails OCR with the reason.
    /// </summary>
    private void ImageTooLarge(UglyToad.PdfPig.Content.Page page, int number, Dictionary<int, string> oversized)
    {
        long largest;
        try
        {
            largest = PageImageSize.Largest(page);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return; // an image PdfPig cannot describe is left to PDFium, which skips what it cannot decode
        }
        var maxPixels = ocr!.Options.MaxPixels;
        if (largest > ImageDecoding.MaxDecodeFactor * maxPixels)
            oversized[number] = $"the page holds an image of {largest / 1_000_000} million pixels, more than the OCR limit of " +
                                $"{maxPixels / 1_000_000} million pixels (Rag:Ocr:MaxPixels) allows to decode";
    }

    /// <summary>The page's top and height in its frame (a page read sideways is as tall as the sheet is wide).</summary>
    private static (double Top, double Height) Extent(UglyToad.PdfPig.Content.Page page, PageFrame frame)
    {
        var box = page.MediaBox.Bounds;
        var (_, y0) = frame.Map(new UglyToad.PdfPig.Core.PdfPoint(box.Left, box.Bottom));
        var (_, y1) = frame.Map(new UglyToad.PdfPig.Core.PdfPoint(box.Right, box.Top));
        return (Math.Max(y0, y1), Math.Abs(y1 - y0));
    }

    /// <summary>The Info dictionary's title, unless it is an application's placeholder ("Microsoft Word - x.doc").</summary>
    private static string? InfoTitle(PdfDocument document)
    {
        try
        {
            var title = document.Information?.Title?.Trim();
            if (string.IsNullOrEmpty(title) || title.Length > 150) return null;
            if (title.StartsWith("Microsoft ", StringComparison.OrdinalIgnoreCase) || title.EndsWith(".doc", StringComparison.OrdinalIgnoreCase)
                || title.EndsWith(".docx", StringComparison.OrdinalIgnoreCase) || title.Equals("untitled", StringComparison.OrdinalIgnoreCase)) return null;
            return PdfText.Clean(title);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return null; // an unreadable Info dictionary costs the title, not the document
        }
    }
}
