using BitMiracle.LibTiff.Classic;

namespace RagAssistant.Ingestion.Ocr;

/// <summary>
/// Turns one TIFF scanline into opaque B, G, R, A pixels, for the encodings scanners write: bilevel (1 bit, either
/// polarity), 8-bit grey, 8-bit palette, 8-bit RGB (extra samples such as alpha ignored), and JPEG-compressed YCbCr (which
/// LibTiff converts to RGB). Other encodings have no row format; LibTiff's RGBA interface reads them whole.
/// </summary>
internal abstract class RowFormat
{
    /// <summary>The row format of the current directory, or null when rows in its encoding are not converted here.</summary>
    public static RowFormat? Of(Tiff tiff)
    {
        if (tiff.IsTiled()) return null; // scanlines cannot be read from a tiled page
        var photometric = (Photometric)Get(tiff, TiffTag.PHOTOMETRIC);
        int bits = Get(tiff, TiffTag.BITSPERSAMPLE, 1), samples = Get(tiff, TiffTag.SAMPLESPERPIXEL, 1);
        var planar = (PlanarConfig)Get(tiff, TiffTag.PLANARCONFIG, (int)PlanarConfig.CONTIG);
        if (samples > 1 && planar != PlanarConfig.CONTIG) return null;
        if (photometric == Photometric.YCBCR && (Compression)Get(tiff, TiffTag.COMPRESSION) == Compression.JPEG && bits == 8)
        {
            tiff.SetField(TiffTag.JPEGCOLORMODE, JpegColorMode.RGB); // the codec upsamples and converts to RGB
            return new Colour(3);
        }
        return (photometric, bits) switch
        {
            (Photometric.MINISWHITE or Photometric.MINISBLACK, 1) => new Bilevel(photometric == Photometric.MINISWHITE),
            (Photometric.MINISWHITE or Photometric.MINISBLACK, 8) => new Grey(samples, photometric == Photometric.MINISWHITE),
            (Photometric.RGB, 8) when samples >= 3 => new Colour(samples),
            (Photometric.PALETTE, 8) when tiff.GetField(TiffTag.COLORMAP) is { Length: >= 3 } map =>
                new Palette(map[0].ToShortArray(), map[1].ToShortArray(), map[2].ToShortArray()),
            _ => null,
        };
    }

    public abstract void ToBgra(byte[] scanline, byte[] bgra, int width);

    private static int Get(Tiff tiff, TiffTag tag, int otherwise = 0) =>
        tiff.GetFieldDefaulted(tag) is { Length: > 0 } value ? value[0].ToInt() : otherwise;

    private static void Put(byte[] bgra, int x, byte b, byte g, byte r)
    {
        bgra[x * 4] = b;
        bgra[x * 4 + 1] = g;
        bgra[x * 4 + 2] = r;
        bgra[x * 4 + 3] = 255;
    }

    private sealed class Bilevel(bool zeroIsWhite) : RowFormat
    {
        public override void ToBgra(byte[] scanline, byte[] bgra, int width)
        {
            for (var x = 0; x < width; x++)
            {
                var set = (scanline[x >> 3] & (0x80 >> (x & 7))) != 0;
                var level = (byte)(set == zeroIsWhite ? 0 : 255);
                Put(bgra, x, level, level, level);
            }
        }
    }

    private sealed class Grey(int samples, bool zeroIsWhite) : RowFormat
    {
        public override void ToBgra(byte[] scanline, byte[] bgra, int width)
        {
            for (var x = 0; x < width; x++)
            {
                var level = scanline[x * samples];
                if (zeroIsWhite) level = (byte)(255 - level);
                Put(bgra, x, level, level, level);
            }
        }
    }

    private sealed class Colour(int samples) : RowFormat
    {
        public override void ToBgra(byte[] scanline, byte[] bgra, int width)
        {
            for (var x = 0; x < width; x++)
                Put(bgra, x, scanline[x * samples + 2], scanline[x * samples + 1], scanline[x * samples]);
        }
    }

    /// <summary>The colour map holds 16-bit values; the high byte is the 8-bit colour.</summary>
    private sealed class Palette(short[] red, short[] green, short[] blue) : RowFormat
    {
        public override void ToBgra(byte[] scanline, byte[] bgra, int width)
        {
            for (var x = 0; x < width; x++)
            {
                var i = scanline[x];
                Put(bgra, x, (byte)((ushort)blue[i] >> 8), (byte)((ushort)green[i] >> 8), (byte)((ushort)red[i] >> 8));
            }
        }
    }
}
