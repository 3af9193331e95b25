using BitMiracle.LibTiff.Classic;
using SkiaSharp;

namespace RagAssistant.Ingestion.Tests.Ocr;

/// <summary>
/// Writes TIFF files with LibTiff.NET as scanners do: bilevel CCITT G4, grey LZW, colour JPEG (YCbCr) or PackBits, one
/// directory per page, 200 dpi; pages come from bitmaps or row by row (so a huge page never lies whole in memory).
/// </summary>
internal static class TestTiff
{
    public enum Encoding { BilevelG4, GreyLzw, ColourJpeg, ColourPackBits }

    /// <summary>One page: its size, encoding, and its rows in that encoding's layout (bilevel: packed bits, 1 = black).</summary>
    public sealed record Page(int Width, int Height, Encoding Encoding, Func<int, byte[]> Row);

    public static byte[] Write(IReadOnlyList<Page> pages, bool bigTiff = false)
    {
        var stream = new MemoryStream();
        using (var tiff = Tiff.ClientOpen("test.tif", bigTiff ? "w8" : "w", stream, new TiffStream())!)
        {
            for (var p = 0; p < pages.Count; p++)
            {
                var page = pages[p];
                tiff.SetField(TiffTag.IMAGEWIDTH, page.Width);
                tiff.SetField(TiffTag.IMAGELENGTH, page.Height);
                tiff.SetField(TiffTag.SUBFILETYPE, FileType.PAGE);
                tiff.SetField(TiffTag.PAGENUMBER, p, pages.Count);
                tiff.SetField(TiffTag.XRESOLUTION, 200.0);
                tiff.SetField(TiffTag.YRESOLUTION, 200.0);
                tiff.SetField(TiffTag.RESOLUTIONUNIT, ResUnit.INCH);
                tiff.SetField(TiffTag.PLANARCONFIG, PlanarConfig.CONTIG);
                switch (page.Encoding)
                {
                    case Encoding.BilevelG4:
                        Format(tiff, 1, 1, Photometric.MINISWHITE, Compression.CCITTFAX4, page.Height);
                        break;
                    case Encoding.GreyLzw:
                        Format(tiff, 8, 1, Photometric.MINISBLACK, Compression.LZW, 64);
                        break;
                    case Encoding.ColourJpeg:
                        Format(tiff, 8, 3, Photometric.YCBCR, Compression.JPEG, 16);
                        tiff.SetField(TiffTag.JPEGQUALITY, 90);
                        tiff.SetField(TiffTag.JPEGCOLORMODE, JpegColorMode.RGB); // RGB rows in, YCbCr JPEG stored
                        break;
                    case Encoding.ColourPackBits:
                        Format(tiff, 8, 3, Photometric.RGB, Compression.PACKBITS, 32);
                        break;
                }
                for (var y = 0; y < page.Height; y++)
                    if (!tiff.WriteScanline(page.Row(y), y)) throw new InvalidOperationException($"LibTiff could not write row {y} of page {p + 1}");
                tiff.WriteDirectory();
            }
        }
        return stream.ToArray();
    }

    /// <summary>A page drawn on a bitmap, in <paramref name="encoding"/>.</summary>
    public static Page FromBitmap(SKBitmap bitmap, Encoding encoding)
    {
        var pixels = bitmap.Copy(SKColorType.Bgra8888); // a copy the rows are read from after the caller disposes its bitmap
        int width = bitmap.Width, height = bitmap.Height;
        return new Page(width, height, encoding, y => Row(pixels, y, encoding));
    }

    private static byte[] Row(SKBitmap pixels, int y, Encoding encoding)
    {
        var width = pixels.Width;
        var row = pixels.GetPixelSpan().Slice(y * pixels.RowBytes, width * 4).ToArray();
        switch (encoding)
        {
            case Encoding.BilevelG4:
                return Bits(width, x => Grey(row, x) < 128);
            case Encoding.GreyLzw:
                var grey = new byte[width];
                for (var x = 0; x < width; x++) grey[x] = Grey(row, x);
                return grey;
            default:
                var rgb = new byte[width * 3];
                for (var x = 0; x < width; x++)
                {
                    rgb[x * 3] = row[x * 4 + 2];
                    rgb[x * 3 + 1] = row[x * 4 + 1];
                    rgb[x * 3 + 2] = row[x * 4];
                }
                return rgb;
        }
    }

    /// <summary>A white bilevel G4 page (A4 at 200 dpi unless given).</summary>
    public static Page Blank(int width = 1654, int height = 2339)
    {
        var white = new byte[(width + 7) / 8];
        return new Page(width, height, Encoding.BilevelG4, _ => white);
    }

    /// <summary>Packed bits, the most significant first, 1 where <paramref name="black"/> says so.</summary>
    public static byte[] Bits(int width, Func<int, bool> black)
    {
        var row = new byte[(width + 7) / 8];
        for (var x = 0; x < width; x++)
            if (black(x)) row[x >> 3] |= (byte)(0x80 >> (x & 7));
        return row;
    }

    private static void Format(Tiff tiff, int bits, int samples, Photometric photometric, Compression compression, int rowsPerStrip)
    {
        tiff.SetField(TiffTag.BITSPERSAMPLE, bits);
        tiff.SetField(TiffTag.SAMPLESPERPIXEL, samples);
        tiff.SetField(TiffTag.PHOTOMETRIC, photometric);
        tiff.SetField(TiffTag.COMPRESSION, compression);
        tiff.SetField(TiffTag.ROWSPERSTRIP, rowsPerStrip);
    }

    private static byte Grey(byte[] bgra, int x) =>
        (byte)((bgra[x * 4] * 29 + bgra[x * 4 + 1] * 150 + bgra[x * 4 + 2] * 77) >> 8);
}
