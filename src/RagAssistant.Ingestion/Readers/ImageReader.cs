using Microsoft.Extensions.Logging;
using RagAssistant.Core.Documents;
using RagAssistant.Ingestion.Ocr;
using RagAssistant.Ingestion.Readers.Pdf;

namespace RagAssistant.Ingestion.Readers;

/// <summary>
/// An image file read by OCR: a PNG, JPEG or BMP (a photographed nameplate, a scanned process card) as one page, a TIFF
/// (<see cref="TiffPages"/>) as one page per directory, read several at a time (<see cref="ScannedPageReader"/>). The OCR
/// lines become the page's lines (a pixel of the decoded image is a point), so the PDF layout logic runs on them unchanged
/// and each chunk keeps the boxes of its lines. Each page is <see cref="PageStatus.OcrDone"/>,
/// <see cref="PageStatus.OcrLowConfidence"/> with the figure when OCR was unsure of it, <see cref="PageStatus.Empty"/>
/// without text, or <see cref="PageStatus.Failed"/> with the reason when it could not be decoded or read; the file fails
/// only when no page has text ("OCR found no text in any of the N pages", with how many were empty and why the others failed).
/// </summary>
public sealed class ImageReader(PageOcr ocr, ILogger<ImageReader> logger) : IDocumentReader
{
    public IReadOnlyCollection<string> ContentTypes { get; } = [Detection.ContentTypes.Image, Detection.ContentTypes.Tiff];

    public ParsedDocument Read(ReaderInput input, CancellationToken cancellationToken)
    {
        if (!ocr.Enabled) throw new IngestionException(IngestProblem.OcrOff, "an image is read by OCR, which is turned off (Rag:Ocr:Enabled=false)");
        if (input.Content.Type == Detection.ContentTypes.Tiff)
        {
            using var tiff = TiffPages.Open(input.Bytes, ocr.Options.MaxPixels);
            return ReadPages(input, tiff.Count, number => new RenderedPage(tiff.Read(number), Scale: 1), cancellationToken);
        }
        // One image: one that cannot be decoded fails the file with the reason, before any OCR.
        using var bitmap = ImageDecoding.Decode(input.Bytes, ocr.Options.MaxPixels); // also disposed by the page reader: disposing twice is harmless
        return ReadPages(input, 1, _ => new RenderedPage(bitmap, Scale: 1), cancellationToken);
    }

    private ParsedDocument ReadPages(ReaderInput input, int count, Func<int, RenderedPage> decode, CancellationToken cancellationToken)
    {
        var read = ScannedPageReader.Read(ocr, input, Enumerable.Range(1, count).ToList(), decode, logger, cancellationToken);
        var pages = new List<PdfPageText>(read.Count);
        var details = new List<PageInfo>(read.Count);
        var failed = new List<ScannedPage>();
        var frames = new Dictionary<int, OcrPageFrame>();
        foreach (var page in read)
        {
            if (page.Read is null)
            {
                failed.Add(page);
                details.Add(new PageInfo(page.Number, PageStatus.Failed, 0, page.Error));
                continue;
            }
            details.Add(ocr.Status(page.Number, page.Read));
            // Laid out upright (a photo held sideways is read turned); boxes go back onto the image as stored.
            var frame = frames[page.Number] = OcrPageFrame.OfImage(page.Read);
            var rulings = page.Rulings.Shifted(frame.ReadingTop);
            pages.Add(new PdfPageText(page.Number, frame.ReadingTop, frame.ReadingTop,
                frame.Lines(page.Read, page.Number, ocr.MinConfidence, rulings.VerticalIndex), rulings));
        }
        if (details.All(d => d.Characters == 0))
        {
            if (count == 1)
                throw new IngestionException(failed.Count == 1 ? IngestProblem.OcrFailed : IngestProblem.NoText, failed.Count == 1
                    ? $"OCR could not read the image: {failed[0].Error}"
                    : $"OCR found no text in the {read[0].Read!.Width}×{read[0].Read!.Height} image");
            var empty = details.Count(d => d.Status == PageStatus.Empty);
            var why = failed.Count == 0 ? $"{empty} empty" : $"{empty} empty, {failed.Count} failed; page {failed[0].Number}: {failed[0].Error}";
            throw new IngestionException(IngestProblem.NoText, $"OCR found no text in any of the {read.Count} pages ({why})");
        }
        var warnings = failed.Take(PageNotes.Listed).Select(f => PageNotes.Unreadable(f.Number, f.Error ?? "no reason given")).ToList();
        if (failed.Count > PageNotes.Listed) warnings.Add(PageNotes.UnreadableInAll(failed.Count));
        RepeatedMargins.Remove(pages); // a running header or page number stamped on every scanned page
        var (title, blocks) = new PdfBlockBuilder().Build(pages);
        if (frames.Values.Any(f => f.Rotation != 0)) blocks = BlockBoxes.Map(blocks, box => frames[box.Page].ToPage(box));
        return new ParsedDocument(title, blocks, read.Count, warnings) { PageDetails = details };
    }
}
