using System.Runtime.InteropServices;
using SkiaSharp;

namespace RagAssistant.Ingestion.Ocr;

/// <summary>
/// Shrinks an image by a whole factor while its rows stream in, top to bottom, so an image larger than the OCR pixel
/// budget is read without ever holding it whole: each output pixel is the mean of the <c>factor × factor</c> source
/// pixels it covers (a box filter, which turns a bilevel scan into the grey anti-aliased text the recogniser reads best).
/// Memory: the output bitmap and one output row.
/// </summary>
internal sealed class BoxDownscaler : IDisposable
{
    private readonly int _width, _height, _factor;
    private readonly int[] _sums;
    private readonly byte[] _line;
    private readonly SKBitmap _output;
    private int _row, _rowsInBand;

    public BoxDownscaler(int width, int height, int factor)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(factor, 1);
        _width = width;
        _height = height;
        _factor = factor;
        OutputWidth = (width + factor - 1) / factor;
        OutputHeight = (height + factor - 1) / factor;
        _sums = new int[OutputWidth * 3];
        _line = new byte[OutputWidth * 4];
        _output = new SKBitmap(new SKImageInfo(OutputWidth, OutputHeight, SKColorType.Bgra8888, SKAlphaType.Premul));
    }

    /// <summary>The smallest whole factor that brings <paramref name="pixels"/> within <paramref name="maxPixels"/>.</summary>
    public static int FactorFor(long pixels, long maxPixels)
    {
        var factor = Math.Max(1, (int)Math.Ceiling(Math.Sqrt((double)pixels / maxPixels)));
        while ((double)pixels / ((long)factor * factor) > maxPixels) factor++; // rounding of the square root
        return factor;
    }

    public int OutputWidth { get; }
    public int OutputHeight { get; }

    /// <summary>Adds the next source row, <c>width</c> opaque pixels as B, G, R, A bytes.</summary>
    public void Add(ReadOnlySpan<byte> bgra)
    {
        if (_row >= _height) throw new InvalidOperationException("more rows than the image has");
        for (var x = 0; x < _width; x++)
        {
            var o = x / _factor * 3;
            var i = x * 4;
            _sums[o] += bgra[i];
            _sums[o + 1] += bgra[i + 1];
            _sums[o + 2] += bgra[i + 2];
        }
        _row++;
        _rowsInBand++;
        if (_rowsInBand == _factor || _row == _height) Emit();
    }

    /// <summary>The shrunk image; the caller owns it. Throws when fewer rows came than the image has.</summary>
    public SKBitmap Finish()
    {
        if (_row != _height) throw new InvalidOperationException($"{_row} of {_height} rows were added");
        return _output;
    }

    private void Emit()
    {
        for (var x = 0; x < OutputWidth; x++)
        {
            var count = Math.Min(_factor, _width - x * _factor) * _rowsInBand;
            _line[x * 4] = (byte)(_sums[x * 3] / count);
            _line[x * 4 + 1] = (byte)(_sums[x * 3 + 1] / count);
            _line[x * 4 + 2] = (byte)(_sums[x * 3 + 2] / count);
            _line[x * 4 + 3] = 255;
        }
        Marshal.Copy(_line, 0, _output.GetPixels() + (nint)((long)((_row - 1) / _factor) * _output.RowBytes), _line.Length);
        Array.Clear(_sums);
        _rowsInBand = 0;
    }

    /// <summary>Frees the output unless <see cref="Finish"/> handed it over.</summary>
    public void Dispose()
    {
        if (_row != _height) _output.Dispose();
    }
}
