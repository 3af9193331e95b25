using RagAssistant.Ingestion.Benchmarks;
using System.Diagnostics;
using RagAssistant.Core.Documents;
using RagAssistant.Ingestion.Ocr;
using RagAssistant.Ingestion.Readers.Pdf;
using SkiaSharp;
using Xunit.Abstractions;

namespace RagAssistant.Ingestion.Tests.Ocr;

/// <summary>
/// Pages placed sideways or upside down (real PP-OCR models, real pixels): found from the first reading, read again
/// upright with their lines in reading order, and the turn recorded; an upright page is read once, even with a narrow
/// column of labels beside its text; a box found on the turned image maps back onto the page as rendered.
/// </summary>
public sealed class PageOrientationTests(OcrEngineFixture fixture, ITestOutputHelper output) : IClassFixture<OcrEngineFixture>
{
    internal static readonly string[] Lines =
    [
        "主轴轴承更换：先断电，再拆下防护罩。",
        "型号 CNC-850 扭矩 45 N·m",
        "Replace the spindle bearing after 8000 operating hours.",
        "检验记录 第3页 共12页 日期 2024-05-17",
    ];

    /// <param name="placed">Degrees clockwise the page was placed turned on the scanner; reading it takes the opposite turn.</param>
    [Theory]
    [InlineData(90)]
    [InlineData(180)]
    [InlineData(270)]
    public void Read_PagePlacedTurned_IsReadUpright_InReadingOrder_WithItsTurn(int placed)
    {
        var (upright, _) = RenderedText.Draw(Lines);
        using (upright)
        using (var scan = PageOrientation.Turn(upright, placed))
        {
            var reads = 0;
            var clock = Stopwatch.StartNew();
            var page = PageOrientation.Read(scan, b => { reads++; return fixture.Engine.Read(b); });
            output.WriteLine($"placed {placed}°: read at {page.Rotation}° in {reads} readings, {clock.ElapsedMilliseconds} ms");
            foreach (var line in page.Lines) output.WriteLine($"  {line.Confidence:F3} {line.Bounds} {line.Text}");

            Assert.Equal((360 - placed) % 360, page.Rotation);
            Assert.Equal((upright.Width, upright.Height), (page.Width, page.Height));
            Assert.Equal(Lines.Length, page.Lines.Count);
            for (var i = 0; i < Lines.Length; i++)
            {
                var cer = CharacterErrorRate.Of(page.Lines[i].Text, Lines[i]);
                Assert.True(cer <= 0.02, $"line {i + 1}: read \"{page.Lines[i].Text}\" for \"{Lines[i]}\" (CER {cer:P1})");
            }
            Assert.InRange(reads, 2, 3);
        }
    }

    [Fact]
    public void Read_UprightPageWithANarrowColumnOfLabels_IsReadOnceAndNotTurned()
    {
        using var page = UprightPageWithLabelColumn();
        fixture.Engine.Read(page); // warm-up
        var reads = 0;
        var plain = Stopwatch.StartNew();
        fixture.Engine.Read(page);
        plain.Stop();
        var oriented = Stopwatch.StartNew();
        var read = PageOrientation.Read(page, b => { reads++; return fixture.Engine.Read(b); });
        oriented.Stop();
        output.WriteLine($"one reading {plain.ElapsedMilliseconds} ms, with orientation {oriented.ElapsedMilliseconds} ms");
        foreach (var line in read.Lines) output.WriteLine($"  {line.Bounds.Width:0}×{line.Bounds.Height:0} {line.Text}");

        Assert.Equal(0, read.Rotation);
        Assert.Equal(1, reads);
        // The column was seen (a label standing up the page), and it is not enough to turn the page.
        Assert.Contains(read.Lines, l => l.Bounds.Height >= PageOrientation.TallRatio * l.Bounds.Width);
        Assert.Contains(read.Lines, l => CharacterErrorRate.Of(l.Text, Lines[0]) <= 0.02);
    }

    [Theory]
    [InlineData(90)]
    [InlineData(180)]
    [InlineData(270)]
    public void Unturn_PutsAPixelOfTheTurnedImageBackWhereItWas(int degrees)
    {
        using var original = new SKBitmap(new SKImageInfo(300, 120, SKColorType.Bgra8888, SKAlphaType.Premul));
        original.Erase(SKColors.White);
        original.SetPixel(37, 15, SKColors.Black);
        using var turned = PageOrientation.Turn(original, degrees);

        var found = Pixels(turned).Single(p => turned.GetPixel(p.X, p.Y) == SKColors.Black);
        // The pixel's centre maps to the original pixel's centre.
        var back = PageOrientation.Unturn(new OcrPoint(found.X + 0.5f, found.Y + 0.5f), turned.Width, turned.Height, degrees);

        Assert.Equal(new OcrPoint(37.5f, 15.5f), back);
    }

    [Fact]
    public void ToPage_ABoxReadOnATurnedScan_LandsOnThePageWhereTheScanShowsIt()
    {
        // A 600×800 pt page (/Rotate 0) rendered at 2 px/pt is 1200×1600 px; read at 90° the turned image is 1600×1200.
        // A line shown on the page at x 100–120 pt, y (from the top) 50–350 pt runs down the page; turned 90° clockwise
        // it is a line across the turned image at x 1600 − 700 … 1600 − 100 px, y 200–240 px.
        var read = new OcrPage(1600, 1200, []) { Rotation = 90 };
        var frame = OcrPageFrame.Of(read, 2, new ShownPage(0, new PageBox(1, 0, 0, 600, 800)));
        var inReadingFrame = new PageBox(1, 900 / 2.0, (1200 - 240) / 2.0, 1500 / 2.0, (1200 - 200) / 2.0);

        Assert.Equal(new PageBox(1, 100, 800 - 350, 120, 800 - 50), frame.ToPage(inReadingFrame));
    }

    [Fact]
    public void ToPage_OnAPageWithRotate90_UndoesTheRotateTheRendererApplied()
    {
        // Media box 0 0 600 800 with /Rotate 90 is shown 800 wide, 600 tall; the shown top-left corner is user (0, 0), and
        // shown x runs up user y, shown y runs along user x. At 1 px/pt, a box read upright (no turn) at shown x 10–60,
        // y 20–30 (y up in the reading frame: 570–580) is user x 20–30, y 10–60.
        var read = new OcrPage(800, 600, []);
        var frame = OcrPageFrame.Of(read, 1, new ShownPage(90, new PageBox(1, 0, 0, 600, 800)));

        Assert.Equal(new PageBox(1, 20, 10, 30, 60), frame.ToPage(new PageBox(1, 10, 570, 60, 580)));
    }

    /// <summary>Text lines on the left, and beside them a narrow column: a label standing up the page and row numbers.</summary>
    private static SKBitmap UprightPageWithLabelColumn()
    {
        var (text, _) = RenderedText.Draw(Lines);
        using (text)
        {
            var page = new SKBitmap(new SKImageInfo(text.Width + 160, text.Height + 200, SKColorType.Bgra8888, SKAlphaType.Premul));
            using var canvas = new SKCanvas(page);
            canvas.Clear(SKColors.White);
            canvas.DrawBitmap(text, 0, 0);
            using var typeface = RenderedText.CjkTypeface();
            using var font = new SKFont(typeface, RenderedText.FontSize);
            using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = true };
            // 备注 written one character under the other, as a form's column heading often is.
            var x = text.Width + 40;
            var y = RenderedText.Margin + RenderedText.FontSize;
            foreach (var c in "备注说明")
            {
                canvas.DrawText(c.ToString(), x, y, SKTextAlign.Left, font, paint);
                y += RenderedText.FontSize + 4;
            }
            for (var i = 1; i <= 3; i++) canvas.DrawText(i.ToString(System.Globalization.CultureInfo.InvariantCulture), x, y + 40 + i * RenderedText.LineSpacing, SKTextAlign.Left, font, paint);
            canvas.Flush();
            return page;
        }
    }

    private static IEnumerable<(int X, int Y)> Pixels(SKBitmap bitmap)
    {
        for (var y = 0; y < bitmap.Height; y++)
            for (var x = 0; x < bitmap.Width; x++)
                yield return (x, y);
    }
}
