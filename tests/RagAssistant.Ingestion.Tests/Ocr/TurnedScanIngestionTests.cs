using RagAssistant.Core.Documents;
using RagAssistant.Ingestion.Ocr;
using SkiaSharp;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace RagAssistant.Ingestion.Tests.Ocr;

/// <summary>
/// Scans and photos placed sideways, through the real pipeline (real PP-OCR models, real SQLite): their text is read,
/// their page keeps the turn it was read at, and each chunk's boxes land on the page as stored, where the text is.
/// </summary>
public sealed class TurnedScanIngestionTests : IDisposable
{
    /// <summary>Points per pixel of an image drawn for a 200 dpi scan.</summary>
    private const double PointsPerPixel = 72.0 / 200;

    private readonly PipelineHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task PhotoTakenSideways_IsReadUpright_AndItsBoxesStandOnTheImageAsStored()
    {
        var (upright, _) = RenderedText.Draw(PageOrientationTests.Lines);
        byte[] png;
        int width, height;
        using (upright)
        using (var sideways = PageOrientation.Turn(upright, 90))
        {
            (width, height) = (sideways.Width, sideways.Height);
            png = RenderedText.Png(sideways);
        }

        var result = Assert.Single(await _h.Pipeline.IngestUploadAsync("铭牌.png", new MemoryStream(png), new IngestRequest()));

        Assert.Equal(FileStatus.Ingested, result.Status);
        var page = Assert.Single(await _h.Store.GetPagesAsync(result.DocumentId!.Value));
        Assert.Equal(PageStatus.OcrDone, page.Status);
        Assert.Equal(270, page.Rotation);
        var chunks = await _h.Store.GetChunksAsync(result.DocumentId.Value);
        var text = string.Join("\n", chunks.Select(c => c.Text));
        Assert.Contains("主轴轴承更换", text);
        Assert.Contains("CNC-850", text);
        // The lines run up the stored image: each box is tall and inside the image (a pixel is a point, y up).
        var boxes = chunks.SelectMany(c => c.Boxes).ToList();
        Assert.NotEmpty(boxes);
        Assert.All(boxes, b => Assert.True(b.Left >= -1 && b.Bottom >= -1 && b.Right <= width + 1 && b.Top <= height + 1, $"{b} outside {width}×{height}"));
        Assert.All(boxes, b => Assert.True(b.Top - b.Bottom > b.Right - b.Left, $"{b} is not standing"));
    }

    [Fact]
    public async Task ScannedPdfPageWithItsImagePlacedSideways_StoresItsTurn_AndBoxesLandWhereTheTextIs()
    {
        var (upright, baselines) = RenderedText.Draw(PageOrientationTests.Lines);
        byte[] png;
        using (upright)
        using (var sideways = PageOrientation.Turn(upright, 90))
            png = RenderedText.Png(sideways);
        // The turned image (440 × 1400 px) at 200 dpi, its bottom-left corner at (100, 200) on an A4 page.
        var placement = new PdfRectangle(100, 200, 100 + 440 * PointsPerPixel, 200 + 1400 * PointsPerPixel);
        var pdf = ScannedPdf(png, placement, rotate: 0);

        var (page, boxes) = await Ingest(pdf);

        Assert.Equal(270, page.Rotation);
        Assert.All(boxes, b => AssertWithin(b, placement));
        Assert.All(boxes, b => Assert.True(b.Top - b.Bottom > b.Right - b.Left, $"{b} is not standing"));
        // Turned a quarter turn clockwise, the image's first line went to its right-hand side: pixel column
        // 440 − baseline, a font size wide, from the placement's left.
        var firstLine = (100 + (440 - baselines[0]) * PointsPerPixel, 100 + (440 - baselines[0] + RenderedText.FontSize) * PointsPerPixel);
        Assert.Contains(boxes, b => Overlaps(b.Left, b.Right, firstLine));
    }

    [Fact]
    public async Task ScannedPdfPageWithRotate90_StoresItsTurn_AndBoxesStayInThePagesOwnCoordinates()
    {
        var (upright, baselines) = RenderedText.Draw(PageOrientationTests.Lines);
        byte[] png;
        int height;
        using (upright)
        {
            png = RenderedText.Png(upright);
            height = upright.Height;
        }
        // The image upright in the page's own coordinates, the page shown a quarter turn clockwise (/Rotate 90):
        // a viewer shows the text running down the page, and OCR reads it turned back.
        var placement = new PdfRectangle(60, 300, 60 + 1400 * PointsPerPixel, 300 + height * PointsPerPixel);
        var pdf = ScannedPdf(png, placement, rotate: 90);

        var (page, boxes) = await Ingest(pdf);

        Assert.Equal(270, page.Rotation);
        Assert.All(boxes, b => AssertWithin(b, placement));
        Assert.All(boxes, b => Assert.True(b.Right - b.Left > b.Top - b.Bottom, $"{b} is not lying"));
        var firstLine = (placement.Top - baselines[0] * PointsPerPixel, placement.Top - (baselines[0] - RenderedText.FontSize) * PointsPerPixel);
        Assert.Contains(boxes, b => Overlaps(b.Bottom, b.Top, firstLine));
    }

    private async Task<(PageInfo Page, List<PageBox> Boxes)> Ingest(byte[] pdf)
    {
        var result = Assert.Single(await _h.Pipeline.IngestUploadAsync("扫描件.pdf", new MemoryStream(pdf), new IngestRequest()));
        Assert.Equal(FileStatus.Ingested, result.Status);
        var page = Assert.Single(await _h.Store.GetPagesAsync(result.DocumentId!.Value));
        Assert.Equal(PageStatus.OcrDone, page.Status);
        var chunks = await _h.Store.GetChunksAsync(result.DocumentId.Value);
        var text = string.Join("\n", chunks.Select(c => c.Text));
        Assert.Contains("主轴轴承更换", text);
        Assert.Contains("CNC-850", text);
        var boxes = chunks.SelectMany(c => c.Boxes).ToList();
        Assert.NotEmpty(boxes);
        Assert.All(boxes, b => Assert.Equal(1, b.Page));
        return (page, boxes);
    }

    private static byte[] ScannedPdf(byte[] png, PdfRectangle placement, int rotate)
    {
        using var builder = new PdfDocumentBuilder();
        var page = builder.AddPage(PageSize.A4);
        if (rotate != 0) page.SetRotation(new PageRotationDegrees(rotate));
        page.AddPng(png, placement);
        return builder.Build();
    }

    /// <summary>Inside the image's placement on the page, give or take a few points of the detector's margin.</summary>
    private static void AssertWithin(PageBox box, PdfRectangle placement) =>
        Assert.True(box.Left >= placement.Left - 4 && box.Right <= placement.Right + 4 && box.Bottom >= placement.Bottom - 4 && box.Top <= placement.Top + 4,
            $"{box} outside the image at {placement}");

    private static bool Overlaps(double from, double to, (double From, double To) span) => from < span.To && to > span.From;
}
