using RagAssistant.Core.Documents;
using RagAssistant.Ingestion.Ocr;
using RagAssistant.Ingestion.Readers.Pdf;

namespace RagAssistant.Ingestion.Readers;

/// <summary>
/// An image file (PNG, JPEG, BMP: a photographed nameplate, a scanned process card) read by OCR as one page. The OCR
/// lines become the page's lines (a pixel is a point), so the PDF layout logic runs on them unchanged and each chunk
/// keeps the boxes of its lines; the page is marked <see cref="PageStatus.OcrDone"/>, or
/// <see cref="PageStatus.OcrLowConfidence"/> with the figure when OCR was unsure of it. A photo taken sideways or upside
/// down is read turned upright (<see cref="PageOrientation"/>): the page keeps the turn, and its boxes are mapped back
/// onto the image as stored (<see cref="OcrPageFrame"/>).
/// </summary>
public sealed class ImageReader(PageOcr ocr) : IDocumentReader
{
    public IReadOnlyCollection<string> ContentTypes { get; } = [Detection.ContentTypes.Image];

    public ParsedDocument Read(ReaderInput input, CancellationToken cancellationToken)
    {
        if (!ocr.Enabled) throw new IngestionException("an image is read by OCR, which is turned off (Rag:Ocr:Enabled=false)");
        input.Guard.Extend(ocr.PageBudget);
        var page = ocr.Read(input.Bytes, cancellationToken);
        var frame = OcrPageFrame.OfImage(page);
        var lines = frame.Lines(page, 1);
        if (lines.Count == 0) throw new IngestionException($"OCR found no text in the {frame.Shown.ViewBox.Right}×{frame.Shown.ViewBox.Top} image");
        var details = new[] { ocr.Status(1, page) };
        var (title, blocks) = new PdfBlockBuilder().Build([new PdfPageText(1, frame.ReadingTop, frame.ReadingTop, lines, Rulings.None)]);
        if (page.Rotation != 0) blocks = BlockBoxes.Map(blocks, frame.ToPage);
        return new ParsedDocument(title, blocks, 1) { PageDetails = details };
    }
}
