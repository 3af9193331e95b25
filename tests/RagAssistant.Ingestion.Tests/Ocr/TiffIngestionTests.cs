using System.Collections.Concurrent;
using System.Diagnostics;
using RagAssistant.Core.Documents;
using RagAssistant.Ingestion.Detection;
using RagAssistant.Ingestion.Ocr;
using RagAssistant.Testing;
using SkiaSharp;
using Xunit.Abstractions;

namespace RagAssistant.Ingestion.Tests.Ocr;

/// <summary>
/// TIFF scans through the real pipeline (real PP-OCR models, TIFFs written by LibTiff in the test): each directory is a
/// page read by OCR with its own status, progress reaches N of N, and a page that cannot be read fails alone.
/// </summary>
public sealed class TiffIngestionTests(ITestOutputHelper output) : IDisposable
{
    private readonly PipelineHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task ThreePageTiff_InThreeEncodings_BecomesAThreePageDocument_ReadByOcr_WithProgress()
    {
        var tiff = TestTiff.Write([
            Page(["第一页 主轴轴承更换：先断电。", "Spindle CNC-850 bearing"], TestTiff.Encoding.BilevelG4),
            Page(["第二页 每班检查液压油位。", "Hydraulic unit HX-200"], TestTiff.Encoding.GreyLzw),
            Page(["第三页 按扭矩紧固螺栓。", "Torque wrench TW-45"], TestTiff.Encoding.ColourJpeg),
        ]);
        var progress = new ConcurrentQueue<(int Done, int Total)>();

        var result = Assert.Single(await _h.Pipeline.IngestUploadAsync("点检卡.tif", new MemoryStream(tiff),
            new IngestRequest { OnOcrPage = (done, total) => progress.Enqueue((done, total)) }));

        Assert.Equal(FileStatus.Ingested, result.Status);
        var document = (await _h.Store.GetAsync(result.DocumentId!.Value))!;
        Assert.Equal(ContentTypes.Tiff, document.ContentType);
        Assert.Equal(DocumentStatus.Ready, document.Status);
        Assert.Equal(3, document.Pages);
        var pages = await _h.Store.GetPagesAsync(document.Id);
        Assert.Equal([1, 2, 3], pages.Select(p => p.Number));
        Assert.All(pages, p => Assert.Equal(PageStatus.OcrDone, p.Status));
        var text = string.Join("\n", (await _h.Store.GetChunksAsync(document.Id)).Select(c => c.Text));
        Assert.Contains("主轴轴承更换", text);
        Assert.Contains("液压油位", text);
        Assert.Contains("紧固螺栓", text);
        Assert.Contains("CNC-850", text);
        Assert.Equal([0, 1, 2, 3], progress.Select(p => p.Done).Order());
        Assert.All(progress, p => Assert.Equal(3, p.Total));
    }

    [Fact]
    public async Task TruncatedMultiPageTiff_KeepsItsFirstPage_AndFailsTheCutOffPageWithTheReason()
    {
        var first = Page(["第一页 主轴轴承更换：先断电。"], TestTiff.Encoding.BilevelG4);
        var second = Page(["第二页 每班检查液压油位。"], TestTiff.Encoding.BilevelG4);
        var onePage = TestTiff.Write([first]).Length;
        var full = TestTiff.Write([first, second]);
        // LibTiff writes each page's data, then its directory: cut in the middle of page 2's data, its directory is lost.
        var cut = full[..(onePage + (full.Length - onePage) / 2)];

        var result = Assert.Single(await _h.Pipeline.IngestUploadAsync("cut.tif", new MemoryStream(cut), new IngestRequest()));

        Assert.Equal(FileStatus.Ingested, result.Status);
        var document = (await _h.Store.GetAsync(result.DocumentId!.Value))!;
        Assert.Equal(DocumentStatus.Ready, document.Status);
        var pages = await _h.Store.GetPagesAsync(document.Id);
        Assert.Equal(2, pages.Count);
        Assert.Equal(PageStatus.OcrDone, pages[0].Status);
        Assert.Equal(PageStatus.Failed, pages[1].Status);
        Assert.Contains("cut off", pages[1].Error);
        Assert.Contains(result.Warnings, w => w.Code == IngestWarning.PagesUnreadable && w.Pages.SequenceEqual([2]) && w.Text.StartsWith("page 2 could not be read", StringComparison.Ordinal));
        Assert.Contains("主轴轴承更换", string.Join("\n", (await _h.Store.GetChunksAsync(document.Id)).Select(c => c.Text)));
    }

    /// <summary>
    /// Product behaviour: a TIFF with no text on any page fails with "no text" (as a blank PNG does), rather than being
    /// stored as an empty document nobody can find. Blank pages cost no detector run (<see cref="PageOcr.IsBlank"/>).
    /// </summary>
    [Fact]
    public async Task FiveHundredBlankPages_AreEmpty_TheFileFailsAsNoText_QuicklyWithProgressToTheEnd_AndTheBatchGoesOn()
    {
        var blank = TestTiff.Blank();
        _h.Folder.WriteBytes("in/blank-500.tif", TestTiff.Write(Enumerable.Repeat(blank, 500).ToList()));
        _h.Folder.WriteText("in/good.md", "# 点检\n\n每班检查液压油位。");
        var progress = new ConcurrentQueue<(int Done, int Total)>();
        var clock = Stopwatch.StartNew();

        var report = await _h.Pipeline.IngestPathsAsync([_h.Folder.File("in")],
            new IngestRequest { OnOcrPage = (done, total) => progress.Enqueue((done, total)) });

        clock.Stop();
        output.WriteLine($"500 blank pages in {clock.Elapsed.TotalSeconds:0.0} s");
        var tiff = Assert.Single(report.Files, f => f.Path.EndsWith("blank-500.tif", StringComparison.Ordinal));
        Assert.Equal(FileStatus.Failed, tiff.Status);
        Assert.Equal("OCR found no text in any of the 500 pages (500 empty)", tiff.Error);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(120), $"took {clock.Elapsed}");
        Assert.Contains((500, 500), progress);
        Assert.Equal(501, progress.Count);
        Assert.Equal(FileStatus.Ingested, Assert.Single(report.Files, f => f.Path.EndsWith("good.md", StringComparison.Ordinal)).Status);
    }

    [Fact]
    public async Task PageOverThePixelBudget_IsReadShrunk_AndOneFarOverIt_IsRefusedAlone()
    {
        // Page 1: 10,000 × 10,000 (2.5 times the 40-million-pixel budget), read row by row at half size.
        // Page 2: 20,000 × 20,000 blank (10 times the budget), refused before it is decoded. Both a few KB as G4.
        var (bitmap, _) = RenderedText.Draw(["主轴轴承更换：先断电。", "Spindle CNC-850"], scale: 5);
        byte[][] band;
        using (bitmap) band = Enumerable.Range(0, bitmap.Height).Select(y => BilevelRow(bitmap, y, 10_000, left: 500)).ToArray();
        var white = new byte[10_000 / 8];
        var huge = new TestTiff.Page(10_000, 10_000, TestTiff.Encoding.BilevelG4, y => y < 2000 || y >= 2000 + band.Length ? white : band[y - 2000]);
        var tiff = TestTiff.Write([huge, TestTiff.Blank(20_000, 20_000)]);
        output.WriteLine($"{tiff.Length} bytes");

        var result = Assert.Single(await _h.Pipeline.IngestUploadAsync("large.tif", new MemoryStream(tiff), new IngestRequest()));

        Assert.Equal(FileStatus.Ingested, result.Status);
        var pages = await _h.Store.GetPagesAsync(result.DocumentId!.Value);
        Assert.Equal(PageStatus.OcrDone, pages[0].Status);
        Assert.Equal(PageStatus.Failed, pages[1].Status);
        Assert.Equal("the page is 20000×20000 pixels, more than the OCR limit of 40 million pixels (Rag:Ocr:MaxPixels) allows to decode", pages[1].Error);
        Assert.Contains("主轴轴承更换", string.Join("\n", (await _h.Store.GetChunksAsync(result.DocumentId!.Value)).Select(c => c.Text)));
    }

    [Fact]
    public void BigTiff_IsDetectedAsTiff_AndItsPagesDecode()
    {
        var bigTiff = TestTiff.Write([TestTiff.Blank(800, 600), Page(["Spindle CNC-850"], TestTiff.Encoding.ColourPackBits)], bigTiff: true);

        Assert.Equal(ContentTypes.Tiff, ContentTypeDetector.Detect(bigTiff, "scan.tif").Type);
        using var pages = TiffPages.Open(bigTiff, maxPixels: 40_000_000);
        Assert.Equal(2, pages.Count);
        using var first = pages.Read(1);
        Assert.Equal((800, 600), (first.Width, first.Height));
        Assert.True(PageOcr.IsBlank(first));
        using var second = pages.Read(2);
        Assert.False(PageOcr.IsBlank(second));
    }

    [SharedDataFact("tiff")]
    public async Task SharedTiffFiles_AreReadOrFailWithAReason_WithinTheirBudget()
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryPaths.SharedTestData, "tiff"), "*.tif*").Order(StringComparer.Ordinal))
        {
            var clock = Stopwatch.StartNew();
            var result = Assert.Single((await _h.IngestAsync(file)).Files);
            output.WriteLine($"{Path.GetFileName(file)}: {result.Status} {result.Error} ({clock.Elapsed.TotalSeconds:0.0} s)");
            Assert.True(result.Status == FileStatus.Ingested || !string.IsNullOrWhiteSpace(result.Error), file);
            Assert.DoesNotContain("unexpected error", result.Error ?? "", StringComparison.Ordinal);
        }
    }

    private static TestTiff.Page Page(IReadOnlyList<string> lines, TestTiff.Encoding encoding)
    {
        var (bitmap, _) = RenderedText.Draw(lines);
        using (bitmap) return TestTiff.FromBitmap(bitmap, encoding);
    }

    /// <summary>Row <paramref name="y"/> of the bitmap as a bilevel row <paramref name="width"/> wide, placed at <paramref name="left"/>.</summary>
    private static byte[] BilevelRow(SKBitmap bitmap, int y, int width, int left)
    {
        var row = bitmap.GetPixelSpan().Slice(y * bitmap.RowBytes, bitmap.Width * 4).ToArray(); // B, G, R, A
        return TestTiff.Bits(width, x => x >= left && x < left + bitmap.Width && row[(x - left) * 4 + 1] < 128);
    }
}
