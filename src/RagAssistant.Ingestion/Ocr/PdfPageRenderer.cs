using System.Runtime.InteropServices;
using Docnet.Core;
using Docnet.Core.Models;
using Docnet.Core.Readers;
using SkiaSharp;

namespace RagAssistant.Ingestion.Ocr;

/// <summary>
/// Renders one PDF's pages to bitmaps for OCR with PDFium (Docnet.Core), on white: PDFium leaves the page's unpainted
/// area transparent, which the recogniser would see as black. The document is parsed once per renderer, not once per
/// page. <see cref="DefaultDpi"/> 200 suits the PP-OCR models on print-size text (a 10 pt character is about 28 pixels
/// high). PDFium is not thread-safe; Docnet serialises its calls.
/// </summary>
public sealed class PdfPageRenderer : IDisposable
{
    public const double DefaultDpi = 200;

    private readonly IDocReader _reader;

    public PdfPageRenderer(byte[] pdf, string? password = null, double dpi = DefaultDpi)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dpi, 36);
        Dpi = dpi;
        _reader = password is null
            ? DocLib.Instance.GetDocReader(pdf, new PageDimensions(Scale))
            : DocLib.Instance.GetDocReader(pdf, password, new PageDimensions(Scale));
    }

    /// <summary>The resolution pages are rendered at, in dots per inch.</summary>
    public double Dpi { get; }

    /// <summary>Pixels per PDF point at <see cref="Dpi"/>.</summary>
    public double Scale => Dpi / 72;

    /// <summary>Number of pages in the document.</summary>
    public int PageCount => _reader.GetPageCount();

    /// <summary>Page <paramref name="page"/> (1-based) as a bitmap the caller disposes.</summary>
    public SKBitmap Render(int page)
    {
        using var pageReader = _reader.GetPageReader(page - 1);
        int width = pageReader.GetPageWidth(), height = pageReader.GetPageHeight();
        var pixels = pageReader.GetImage(); // BGRA, premultiplied
        // Over white: with premultiplied colour, c' = c + (255 − alpha).
        for (var i = 0; i < pixels.Length; i += 4)
        {
            var clear = (byte)(255 - pixels[i + 3]);
            pixels[i] += clear;
            pixels[i + 1] += clear;
            pixels[i + 2] += clear;
            pixels[i + 3] = 255;
        }
        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Bgra8888, SKAlphaType.Premul));
        Marshal.Copy(pixels, 0, bitmap.GetPixels(), pixels.Length);
        return bitmap;
    }

    public void Dispose() => _reader.Dispose();
}
