using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace RagAssistant.Ingestion.Tests.Ocr;

/// <summary>
/// A4 PDFs whose pages are either scans — a PNG of drawn lines filling the page, no text layer — or text pages
/// (Helvetica): a scanned document, or a mixed one.
/// </summary>
internal static class ScannedTestPdf
{
    /// <summary>A page: scanned lines (drawn into an image) or, when <paramref name="TextLayer"/>, a text layer.</summary>
    /// <param name="Scale">The size of the scanned text (0.5: half the usual size, twice the lines and characters a page holds).</param>
    public sealed record Page(IReadOnlyList<string> Lines, bool TextLayer = false, float Scale = 1);

    public static byte[] Build(params Page[] pages)
    {
        using var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        foreach (var page in pages)
        {
            var pdfPage = builder.AddPage(PageSize.A4);
            if (page.TextLayer)
            {
                for (var i = 0; i < page.Lines.Count; i++) pdfPage.AddText(page.Lines[i], 11, new PdfPoint(60, 780 - i * 16), font);
                continue;
            }
            // 1400 px across 595 pt: about 170 dpi, a typical office scan.
            var (bitmap, _) = RenderedText.Draw(page.Lines, scale: page.Scale);
            using (bitmap)
            {
                var height = 595.0 * bitmap.Height / bitmap.Width;
                pdfPage.AddPng(RenderedText.Png(bitmap), new PdfRectangle(0, 842 - height, 595, 842));
            }
        }
        return builder.Build();
    }
}
