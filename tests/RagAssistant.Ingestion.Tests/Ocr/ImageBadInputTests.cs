using System.Buffers.Binary;
using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using RagAssistant.Core.Documents;
using SkiaSharp;
using Xunit.Abstractions;

namespace RagAssistant.Ingestion.Tests.Ocr;

/// <summary>
/// Images and scanned pages that are too large, cut off or empty, through the real pipeline in one batch with a good
/// Markdown file: each ends within a bounded time and memory with a message naming the reason, and the rest of the batch
/// is ingested.
/// </summary>
public sealed class ImageBadInputTests(ITestOutputHelper output) : IDisposable
{
    private readonly PipelineHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task HugePng_IsReadShrunkWithinThePixelBudget()
    {
        // 10,000 × 10,000 grey (2.5 times the 40-million-pixel budget), written row by row: the test never holds it whole.
        // The product decodes a PNG whole (Skia decodes it neither reduced nor row by row), within ImageDecoding.MaxDecodeFactor.
        var (bitmap, _) = RenderedText.Draw(["主轴轴承更换：先断电。", "Spindle CNC-850"], scale: 5);
        byte[] png;
        using (bitmap) png = GreyPng(10_000, 10_000, bitmap, top: 3000, left: 800);
        output.WriteLine($"{png.Length} bytes");
        var clock = Stopwatch.StartNew();

        var result = Assert.Single(await _h.Pipeline.IngestUploadAsync("huge.png", new MemoryStream(png), new IngestRequest()));

        output.WriteLine($"read in {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.True(result.Status == FileStatus.Ingested, result.Error);
        var page = Assert.Single(await _h.Store.GetPagesAsync(result.DocumentId!.Value));
        Assert.Equal(PageStatus.OcrDone, page.Status);
        Assert.Contains("主轴轴承更换", string.Join("\n", (await _h.Store.GetChunksAsync(result.DocumentId!.Value)).Select(c => c.Text)));
    }

    [Fact]
    public async Task TruncatedEmptyAndBlankImages_FailWithTheirReason_AndTheBatchGoesOn()
    {
        var (bitmap, _) = RenderedText.Draw(["主轴轴承更换：先断电，再拆下防护罩。"]);
        byte[] jpeg;
        using (bitmap)
        using (var image = SKImage.FromBitmap(bitmap))
        using (var data = image.Encode(SKEncodedImageFormat.Jpeg, 90))
            jpeg = data.ToArray();
        _h.Folder.WriteBytes("in/truncated.jpg", jpeg[..(jpeg.Length / 2)]);
        _h.Folder.WriteBytes("in/empty.png", []);
        _h.Folder.WriteBytes("in/truncated.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H']);
        using (var blank = new SKBitmap(800, 600))
        {
            blank.Erase(SKColors.White);
            _h.Folder.WriteBytes("in/blank.png", RenderedText.Png(blank));
        }
        _h.Folder.WriteText("in/good.md", "# 点检\n\n每班检查液压油位。");

        var report = await _h.IngestAsync(_h.Folder.File("in"));

        var truncated = Assert.Single(report.Files, f => f.Path.EndsWith("truncated.jpg", StringComparison.Ordinal));
        Assert.Equal(FileStatus.Failed, truncated.Status);
        Assert.Equal("the Jpeg image could not be decoded (truncated or damaged)", truncated.Error);
        var empty = Assert.Single(report.Files, f => f.Path.EndsWith("empty.png", StringComparison.Ordinal));
        Assert.Equal(FileStatus.Failed, empty.Status);
        Assert.Equal("file is empty", empty.Error);
        var cut = Assert.Single(report.Files, f => f.Path.EndsWith("truncated.png", StringComparison.Ordinal));
        Assert.Equal(FileStatus.Failed, cut.Status);
        Assert.Contains("image", cut.Error);
        var blankResult = Assert.Single(report.Files, f => f.Path.EndsWith("blank.png", StringComparison.Ordinal));
        Assert.Equal(FileStatus.Failed, blankResult.Status);
        Assert.Contains("OCR found no text", blankResult.Error);
        Assert.Equal(FileStatus.Ingested, Assert.Single(report.Files, f => f.Path.EndsWith("good.md", StringComparison.Ordinal)).Status);
    }

    /// <summary>
    /// A scanned page holding a JPEG 2000 image whose codestream declares 30,000 × 30,000 pixels (900 million; its PDF
    /// dictionary claims 1,000 × 1,000): PDFium would decode it whole, whatever the page is rendered at, so the page is
    /// refused before it is rendered; the text page of the same PDF and the rest of the batch are kept.
    /// </summary>
    [Fact]
    public async Task PdfPageWithAHugeJpeg2000Image_FailsOcrAlone_TheDocumentAndTheBatchGoOn()
    {
        _h.Folder.WriteBytes("in/jpx.pdf", PdfWithJpx(30_000, 30_000));
        _h.Folder.WriteText("in/good.md", "# 点检\n\n每班检查液压油位。");
        var clock = Stopwatch.StartNew();

        var report = await _h.IngestAsync(_h.Folder.File("in"));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
        var pdf = Assert.Single(report.Files, f => f.Path.EndsWith("jpx.pdf", StringComparison.Ordinal));
        Assert.Equal(FileStatus.Ingested, pdf.Status);
        Assert.Contains(pdf.Warnings, w => w.Code == IngestWarning.OcrFailed && w.Pages.SequenceEqual([2]) && w.Text.StartsWith("page 2: OCR failed: the page holds an image of 900 million pixels", StringComparison.Ordinal));
        var pages = await _h.Store.GetPagesAsync(pdf.DocumentId!.Value);
        Assert.Equal(PageStatus.Text, pages[0].Status);
        Assert.Equal(PageStatus.NeedsOcr, pages[1].Status);
        Assert.Contains("(Rag:Ocr:MaxPixels)", pages[1].Error);
        Assert.Equal(FileStatus.Ingested, Assert.Single(report.Files, f => f.Path.EndsWith("good.md", StringComparison.Ordinal)).Status);
    }

    /// <summary>An 8-bit grey PNG, white but for <paramref name="text"/> placed at (left, top); rows are deflated as they are made.</summary>
    private static byte[] GreyPng(int width, int height, SKBitmap text, int top, int left)
    {
        var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth; colour type 0 (grey), deflate, no filter method, no interlace
        Chunk(png, "IHDR", header);
        var deflated = new MemoryStream();
        using (var zlib = new ZLibStream(deflated, CompressionLevel.Fastest, leaveOpen: true))
        {
            var row = new byte[width + 1]; // filter byte 0 (none), then the pixels
            for (var y = 0; y < height; y++)
            {
                row.AsSpan(1).Fill(255);
                if (y >= top && y < top + text.Height)
                {
                    var source = text.GetPixelSpan().Slice((y - top) * text.RowBytes, text.Width * 4);
                    for (var x = 0; x < text.Width && left + x < width; x++) row[1 + left + x] = source[x * 4 + 1];
                }
                zlib.Write(row);
            }
        }
        Chunk(png, "IDAT", deflated.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typed);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        png.Write(crc);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }

    /// <summary>
    /// A two-page PDF written by hand: page 1 a line of Helvetica text, page 2 one image XObject filling the page, a JPEG
    /// 2000 codestream whose SIZ marker declares <paramref name="width"/> × <paramref name="height"/> grey pixels and which
    /// holds no image data.
    /// </summary>
    private static byte[] PdfWithJpx(int width, int height)
    {
        var jpx = new MemoryStream();
        void U16(int v) { jpx.WriteByte((byte)(v >> 8)); jpx.WriteByte((byte)v); }
        void U32(int v) { U16(v >> 16); U16(v & 0xFFFF); }
        jpx.Write([0xFF, 0x4F, 0xFF, 0x51]); // SOC, SIZ
        U16(41); U16(0); U32(width); U32(height); U32(0); U32(0); U32(width); U32(height); U32(0); U32(0);
        U16(1); jpx.Write([7, 1, 1]); // one 8-bit unsigned component, not subsampled
        jpx.Write([0xFF, 0x52]); U16(12); jpx.Write([0, 0]); U16(1); jpx.Write([0, 5, 4, 4, 0, 1]); // COD
        jpx.Write([0xFF, 0x5C]); U16(19); jpx.WriteByte(0x40); jpx.Write(Enumerable.Repeat((byte)0x40, 16).ToArray()); // QCD
        jpx.Write([0xFF, 0x90]); U16(10); U16(0); U32(0); jpx.Write([0, 1]); // SOT
        jpx.Write([0xFF, 0x93, 0xFF, 0xD9]); // SOD, EOC
        var image = jpx.ToArray();

        const string text = "BT /F1 12 Tf 72 760 Td (Spindle bearing replacement: switch off the CNC-850 first.) Tj ET";
        const string draw = "q 595 0 0 842 0 0 cm /Im0 Do Q";
        var objects = new List<byte[]>
        {
            Latin1("<< /Type /Catalog /Pages 2 0 R >>"),
            Latin1("<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>"),
            Latin1("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 6 0 R >>"),
            Latin1("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 7 0 R >> >> /Contents 8 0 R >>"),
            Latin1("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"),
            Stream("", Latin1(text)),
            Stream("/Type /XObject /Subtype /Image /Width 1000 /Height 1000 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /JPXDecode ", image),
            Stream("", Latin1(draw)),
        };
        var pdf = new MemoryStream();
        pdf.Write(Latin1("%PDF-1.5\n%\xE2\xE3\xCF\xD3\n"));
        var offsets = new List<long>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(pdf.Position);
            pdf.Write(Latin1($"{i + 1} 0 obj\n"));
            pdf.Write(objects[i]);
            pdf.Write(Latin1("\nendobj\n"));
        }
        var xref = pdf.Position;
        pdf.Write(Latin1($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n"));
        foreach (var offset in offsets) pdf.Write(Latin1($"{offset:D10} 00000 n \n"));
        pdf.Write(Latin1($"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"));
        return pdf.ToArray();
    }

    private static byte[] Stream(string dictionary, byte[] data) =>
        [.. Latin1($"<< {dictionary}/Length {data.Length} >>\nstream\n"), .. data, .. Latin1("\nendstream")];

    private static byte[] Latin1(string s) => Encoding.Latin1.GetBytes(s);
}
