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
    /// <summary>Per-page failures listed one by one before they are summarised as a count.</summary>
    private const int MaxPageWarnings = 5;

    public IReadOnlyCollection<string> ContentTypes { get; } = [Detection.ContentTypes.Image, Detection.ContentTypes.Tiff];

    public ParsedDocument Read(ReaderInput input, CancellationToken cancellationToken)
    {
        if (!ocr.Enabled) throw new IngestionException("an image is read by OCR, which is turned off (Rag:Ocr:Enabled=false)");
        return input.Content.Type == Detection.ContentTypes.Tiff ? ReadTiff(input, cancellationToken) : ReadImage(input, cancellationToken);
    }

    private ParsedDocument ReadImage(ReaderInput input, CancellationToken cancellationToken)
    {
        input.Guard.Extend(ocr.PageBudget);
        var page = ocr.Read(input.Bytes, cancellationToken);
        var lines = PageOcr.Lines(page, 1, scale: 1, top: page.Height);
        if (lines.Count == 0) throw new IngestionException($"OCR found no text in the {page.Width}×{page.Height} image");
        var details = new[] { ocr.Status(1, page) };
        var (title, blocks) = new PdfBlockBuilder().Build([new PdfPageText(1, page.Height, page.Height, lines, Rulings.None)]);
        return new ParsedDocument(title, blocks, 1) { PageDetails = details };
    }

    private ParsedDocument ReadTiff(ReaderInput input, CancellationToken cancellationToken)
    {
        using var tiff = TiffPages.Open(input.Bytes, ocr.Options.MaxPixels);
        var read = ScannedPageReader.Read(ocr, input, Enumerable.Range(1, tiff.Count).ToList(),
            number => new RenderedPage(tiff.Read(number), Scale: 1), logger, cancellationToken);
        var pages = new List<PdfPageText>(read.Count);
        var details = new List<PageInfo>(read.Count);
        var failed = new List<ScannedPage>();
        foreach (var page in read)
        {
            if (page.Read is null)
            {
                failed.Add(page);
                details.Add(new PageInfo(page.Number, PageStatus.Failed, 0, page.Error));
                continue;
            }
            details.Add(ocr.Status(page.Number, page.Read));
            pages.Add(new PdfPageText(page.Number, page.Read.Height, page.Read.Height, PageOcr.Lines(page.Read, page.Number, 1, page.Read.Height), Rulings.None));
        }
        if (details.All(d => d.Characters == 0))
        {
            var empty = details.Count(d => d.Status == PageStatus.Empty);
            var why = failed.Count == 0 ? $"{empty} empty" : $"{empty} empty, {failed.Count} failed; page {failed[0].Number}: {failed[0].Error}";
            throw new IngestionException($"OCR found no text in any of the {read.Count} pages ({why})");
        }
        var warnings = failed.Take(MaxPageWarnings).Select(f => $"page {f.Number} could not be read: {f.Error}").ToList();
        if (failed.Count > MaxPageWarnings) warnings.Add($"{failed.Count} pages in all could not be read");
        RepeatedMargins.Remove(pages); // a running header or page number stamped on every scanned page
        var (title, blocks) = new PdfBlockBuilder().Build(pages);
        return new ParsedDocument(title, blocks, read.Count, warnings) { PageDetails = details };
    }
}
