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
/// high). A page that would exceed <c>maxPixels</c> at that resolution (a map, a drawing sheet) is rendered at the lower
/// resolution that fits, so one huge page cannot take gigabytes. PDFium is not thread-safe; Docnet serialises its calls.
/// </summary>
public sealed class PdfPageRenderer : IDisposable
{
    public const double DefaultDpi = 200;

    private readonly byte[] _pdf;
    private readonly string? _password;
    private readonly long _maxPixels;
    private readonly Dictionary<double, IDocReader> _readers = [];

    public PdfPageRenderer(byte[] pdf, string? password = null, double dpi = DefaultDpi, long maxPixels = long.MaxValue)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dpi, 36);
        _pdf = pdf;
        _password = password;
        _maxPixels = maxPixels;
        Dpi = dpi;
        Reader(Scale); // parses the document now, so a PDF PDFium cannot open fails here
    }

    /// <summary>The resolution pages are rendered at, in dots per inch, unless a page is too large for it.</summary>
    public double Dpi { get; }

    /// <summary>Pixels per PDF point at <see cref="Dpi"/>.</summary>
    public double Scale => Dpi / 72;

    /// <summary>Number of pages in the document.</summary>
    public int PageCount => Reader(Scale).GetPageCount();

    /// <summary>Page <paramref name="page"/> (1-based) as a bitmap the caller disposes, with its pixels per point.</summary>
    public RenderedPage Render(int page)
    {
        var scale = Scale;
        var pageReader = Reader(scale).GetPageReader(page - 1);
        long pixels = (long)pageReader.GetPageWidth() * pageReader.GetPageHeight();
        if (pixels > _maxPixels)
        {
            pageReader.Dispose();
            scale *= Math.Sqrt((double)_maxPixels / pixels) * 0.999;
            pageReader = Reader(scale).GetPageReader(page - 1);
        }
        using (pageReader) return new RenderedPage(OnWhite(pageReader), scale);
    }

    private static SKBitmap OnWhite(IPageReader pageReader)
    {
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

    private IDocReader Reader(double scale)
    {
        if (_readers.TryGetValue(scale, out var reader)) return reader;
        reader = _password is null
            ? DocLib.Instance.GetDocReader(_pdf, new PageDimensions(scale))
            : DocLib.Instance.GetDocReader(_pdf, _password, new PageDimensions(scale));
        _readers[scale] = reader;
        return reader;
    }

    public void Dispose()
    {
        foreach (var reader in _readers.Values) reader.Dispose();
        _readers.Clear();
    }
}

/// <summary>A rendered page: its bitmap and its pixels per PDF point.</summary>
public sealed record RenderedPage(SKBitmap Bitmap, double Scale) : IDisposable
{
    public void Dispose() => Bitmap.Dispose();
}
