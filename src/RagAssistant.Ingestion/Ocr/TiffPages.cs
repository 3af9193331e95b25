using System.Globalization;
using System.Runtime.InteropServices;
using BitMiracle.LibTiff.Classic;
using RagAssistant.Core.Documents;
using SkiaSharp;

namespace RagAssistant.Ingestion.Ocr;

/// <summary>
/// Decodes the pages (directories) of a TIFF file — classic or BigTIFF, CCITT G3/G4, LZW, Deflate, JPEG, PackBits or
/// uncompressed, bilevel, grey, palette or colour — to bitmaps for OCR with LibTiff.NET, one page at a time, within the
/// pixel budget <c>maxPixels</c> (Rag:Ocr:MaxPixels):
/// <list type="bullet">
/// <item>a page within it is read whole by LibTiff's RGBA interface (every encoding, the Orientation tag applied);</item>
/// <item>a larger page is read row by row and shrunk on the way (<see cref="BoxDownscaler"/>), so it never lies whole in
/// memory — for the encodings scanners write (bilevel, 8-bit grey, palette, RGB, JPEG); another encoding is refused;</item>
/// <item>a page over <see cref="ImageDecoding.MaxDecodeFactor"/> times the budget is refused before any pixel is decoded
/// (a G4 page of white is a few bytes per row, so a small file can declare an enormous page).</item>
/// </list>
/// A page that cannot be read fails alone (<see cref="Read"/> throws for it); a file cut off inside its chain of pages
/// counts the page whose directory is lost, which then fails with the reason. Not thread-safe: one page at a time.
/// </summary>
public sealed class TiffPages : IDisposable
{
    /// <summary>LibTiff addresses directories with a 16-bit number.</summary>
    public const int MaxPages = short.MaxValue;

    private static readonly TiffErrorHandler Handler = Install();

    private readonly Tiff _tiff;
    private readonly Source _source;
    private readonly long _maxPixels;
    private int[] _raster = [];

    private TiffPages(Tiff tiff, Source source, long maxPixels, int count)
    {
        _tiff = tiff;
        _source = source;
        _maxPixels = maxPixels;
        Count = count;
    }

    /// <summary>Pages in the file, a lost one at the end included.</summary>
    public int Count { get; }

    /// <summary>Opens the file and counts its pages; throws <see cref="IngestionException"/> when not even its first page directory can be read.</summary>
    public static TiffPages Open(byte[] bytes, long maxPixels)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length == 0) throw new IngestionException(IngestProblem.Empty, "the image file is empty (0 bytes)");
        _ = Handler;
        var source = new Source(bytes);
        var tiff = Tiff.ClientOpen("tiff", "r", source, source)
                   ?? throw new IngestionException(IngestProblem.Damaged, $"not a readable TIFF ({source.Messages("its header or first page directory is damaged")})");
        try
        {
            return new TiffPages(tiff, source, maxPixels, CountPages(tiff));
        }
        catch
        {
            tiff.Dispose();
            throw;
        }
    }

    /// <summary>Page <paramref name="page"/> (1-based) as an opaque bitmap within the pixel budget; the caller disposes it.</summary>
    /// <exception cref="IngestionException">The page is damaged, cut off, or too large.</exception>
    public SKBitmap Read(int page)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(page, Count);
        _source.Clear();
        if (!_tiff.SetDirectory((short)(page - 1)))
            throw new IngestionException(IngestProblem.Damaged, $"its directory cannot be read, the file is cut off or damaged ({_source.Messages("no reason given")})");
        int width = Field(TiffTag.IMAGEWIDTH), height = Field(TiffTag.IMAGELENGTH);
        if (width <= 0 || height <= 0) throw new IngestionException(IngestProblem.Damaged, "the page declares no pixels");
        var pixels = (long)width * height;
        if (pixels > ImageDecoding.MaxDecodeFactor * _maxPixels)
            throw new IngestionException(IngestProblem.ImageTooLarge,
                $"the page is {width}×{height} pixels, more than the OCR limit of {_maxPixels / 1_000_000} million pixels (Rag:Ocr:MaxPixels) allows to decode");
        return pixels <= _maxPixels ? Whole(width, height) : Shrunk(width, height, BoxDownscaler.FactorFor(pixels, _maxPixels));
    }

    private static int CountPages(Tiff tiff)
    {
        var seen = new HashSet<long> { tiff.CurrentDirOffset() };
        var count = 1;
        while (!tiff.LastDirectory() && count < MaxPages)
        {
            // The next directory cannot be read (the file ends before it): it is counted, and fails when read.
            if (!tiff.ReadDirectory()) return count + 1;
            if (!seen.Add(tiff.CurrentDirOffset())) break; // a chain that loops back has no more pages
            count++;
        }
        return count;
    }

    /// <summary>LibTiff's RGBA interface: every encoding it knows, top row first, over white.</summary>
    private SKBitmap Whole(int width, int height)
    {
        var pixels = width * height;
        if (_raster.Length < pixels) _raster = new int[pixels]; // kept for the next page: scans repeat their size
        if (!_tiff.ReadRGBAImageOriented(width, height, _raster, Orientation.TOPLEFT, stopOnError: true))
            throw new IngestionException(IngestProblem.Damaged, $"the page could not be decoded ({_source.Messages("truncated or damaged")})");
        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Bgra8888, SKAlphaType.Premul));
        var row = new byte[width * 4];
        for (var y = 0; y < height; y++)
        {
            var line = _raster.AsSpan(y * width, width);
            for (var x = 0; x < width; x++)
            {
                // ABGR packed (red in the low byte), alpha premultiplied: over white, c' = c + (255 − alpha).
                var v = line[x];
                var clear = 255 - (int)((uint)v >> 24);
                row[x * 4] = (byte)(((v >> 16) & 0xFF) + clear);
                row[x * 4 + 1] = (byte)(((v >> 8) & 0xFF) + clear);
                row[x * 4 + 2] = (byte)((v & 0xFF) + clear);
                row[x * 4 + 3] = 255;
            }
            Marshal.Copy(row, 0, bitmap.GetPixels() + (nint)((long)y * bitmap.RowBytes), row.Length);
        }
        return bitmap;
    }

    /// <summary>Row by row, shrunk by <paramref name="factor"/>, for the encodings <see cref="RowFormat"/> knows.</summary>
    private SKBitmap Shrunk(int width, int height, int factor)
    {
        var format = RowFormat.Of(_tiff) ?? throw new IngestionException(IngestProblem.ImageTooLarge,
            $"the page is {width}×{height} pixels, over the OCR limit of {_maxPixels / 1_000_000} million pixels (Rag:Ocr:MaxPixels), " +
            $"and its encoding ({Describe()}) cannot be read at a reduced size");
        using var shrink = new BoxDownscaler(width, height, factor);
        var scanline = new byte[_tiff.ScanlineSize()];
        var bgra = new byte[width * 4];
        for (var y = 0; y < height; y++)
        {
            if (!_tiff.ReadScanline(scanline, y))
                throw new IngestionException(IngestProblem.Damaged, $"the page could not be decoded at row {y} ({_source.Messages("truncated or damaged")})");
            format.ToBgra(scanline, bgra, width);
            shrink.Add(bgra);
        }
        return shrink.Finish();
    }

    private int Field(TiffTag tag) => _tiff.GetField(tag) is { Length: > 0 } value ? value[0].ToInt() : 0;

    private string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{(Photometric)Field(TiffTag.PHOTOMETRIC)}, {Field(TiffTag.BITSPERSAMPLE)} bits, {Field(TiffTag.SAMPLESPERPIXEL)} samples{(_tiff.IsTiled() ? ", tiled" : "")}");

    public void Dispose() => _tiff.Dispose();

    /// <summary>
    /// LibTiff reports problems to one handler for the whole process. This one keeps the messages of the files read here
    /// for their error messages (instead of writing them to the console) and passes any other file's on unchanged.
    /// </summary>
    private static TiffErrorHandler Install()
    {
        var handler = new Messages();
        handler.Previous = Tiff.SetErrorHandler(handler);
        return handler;
    }

    private sealed class Messages : TiffErrorHandler
    {
        public TiffErrorHandler? Previous { get; set; }

        public override void ErrorHandler(Tiff tif, string method, string format, params object[] args)
        {
            if (tif?.Clientdata() is not Source) Previous?.ErrorHandler(tif!, method, format, args);
        }

        public override void ErrorHandlerExt(Tiff tif, object clientData, string method, string format, params object[] args)
        {
            if (clientData is Source source) source.Add(format, args);
            else Previous?.ErrorHandlerExt(tif, clientData, method, format, args);
        }

        public override void WarningHandler(Tiff tif, string method, string format, params object[] args)
        {
            // Warnings of the files read here (unknown private tags, mostly) are dropped.
            if (tif?.Clientdata() is not Source) Previous?.WarningHandler(tif!, method, format, args);
        }

        public override void WarningHandlerExt(Tiff tif, object clientData, string method, string format, params object[] args)
        {
            if (clientData is not Source) Previous?.WarningHandlerExt(tif, clientData, method, format, args);
        }
    }

    /// <summary>The file's bytes as LibTiff's stream, and the errors LibTiff reported while reading them.</summary>
    private sealed class Source(byte[] bytes) : TiffStream
    {
        private const int MaxMessages = 3;
        private readonly MemoryStream _stream = new(bytes, writable: false);
        private readonly List<string> _messages = [];

        public void Add(string format, object[] args)
        {
            if (_messages.Count >= MaxMessages) return;
            string message;
            try
            {
                message = string.Format(CultureInfo.InvariantCulture, format, args);
            }
            catch (FormatException)
            {
                message = format;
            }
            if (!_messages.Contains(message)) _messages.Add(message);
        }

        public void Clear() => _messages.Clear();

        public string Messages(string otherwise) => _messages.Count == 0 ? otherwise : string.Join("; ", _messages);

        public override int Read(object clientData, byte[] buffer, int offset, int count) => _stream.Read(buffer, offset, count);

        public override void Write(object clientData, byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(object clientData, long offset, SeekOrigin origin)
        {
            try
            {
                return _stream.Seek(offset, origin);
            }
            catch (IOException)
            {
                return -1; // before the start of the file: LibTiff reports the read as failed
            }
        }

        public override void Close(object clientData) => _stream.Dispose();

        public override long Size(object clientData) => _stream.Length;
    }
}
