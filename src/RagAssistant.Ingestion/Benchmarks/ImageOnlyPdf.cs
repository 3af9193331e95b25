using RagAssistant.Ingestion.Ocr;
using SkiaSharp;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace RagAssistant.Ingestion.Benchmarks;

/// <summary>
/// A scanned copy of a PDF for the OCR benchmark: every page rendered by PDFium (<see cref="PdfPageRenderer"/>, on
/// white, /Rotate and the crop box applied) at <c>dpi</c> and placed as one PNG image over a page of the rendered
/// page's size in points — no text layer, no vector graphics, nothing but the picture, as a scanner would deliver it.
/// PNG, not JPEG, so the copy differs from the original only by what rasterising loses, not by compression artefacts.
/// </summary>
public static class ImageOnlyPdf
{
    public static byte[] Build(byte[] pdf, double dpi = PdfPageRenderer.DefaultDpi, int? maxPages = null, CancellationToken cancellationToken = default)
    {
        using var renderer = new PdfPageRenderer(pdf, password: null, dpi);
        using var builder = new PdfDocumentBuilder();
        var pages = maxPages is { } most ? Math.Min(most, renderer.PageCount) : renderer.PageCount;
        for (var number = 1; number <= pages; number++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var rendered = renderer.Render(number);
            using var image = SKImage.FromBitmap(rendered.Bitmap);
            using var png = image.Encode(SKEncodedImageFormat.Png, 100);
            double width = rendered.Bitmap.Width / rendered.Scale, height = rendered.Bitmap.Height / rendered.Scale;
            var page = builder.AddPage(width, height);
            page.AddPng(png.ToArray(), new PdfRectangle(0, 0, width, height));
        }
        return builder.Build();
    }
}
