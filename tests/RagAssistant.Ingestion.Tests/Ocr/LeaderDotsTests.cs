using RagAssistant.Ingestion.Ocr;
using SkiaSharp;

namespace RagAssistant.Ingestion.Tests.Ocr;

/// <summary>
/// Leader dots read off the bitmap between two boxes of one line, on drawn lines: solid blocks stand for the words the
/// detector boxed, and the gap between them holds dots, a dashed rule, specks or nothing.
/// </summary>
public sealed class LeaderDotsTests
{
    // A 10 pt line at 300 dpi: glyphs about 30 px high on a 44 px box, as the detector boxes them.
    private const int BoxTop = 100, BoxBottom = 144, Baseline = 134, TextTop = 106;
    private const int LeftEnd = 400, RightStart = 1600;

    [Fact]
    public void Insert_RegularDotsBetweenTwoBoxes_ReadAsOneDotPerDrawnDot()
    {
        using var bitmap = Line(canvas =>
        {
            for (var x = LeftEnd + 20; x < RightStart - 10; x += 15) Dot(canvas, x, 4);
        });
        var lines = Boxes();

        var read = LeaderDots.Insert(bitmap, lines);

        var drawn = (RightStart - 10 - (LeftEnd + 20) + 14) / 15;
        Assert.Equal(["1 Safety", new string('.', drawn), "3"], read.Select(l => l.Text));
        var leader = read[1].Bounds;
        Assert.InRange(leader.Left, LeftEnd + 15, LeftEnd + 25);
        Assert.InRange(leader.Right, RightStart - 30, RightStart - 5);
        Assert.Equal(Math.Min(lines[0].Confidence, lines[1].Confidence), read[1].Confidence);
    }

    [Fact]
    public void Insert_DotsWithSomeLost_CountsTheRunByItsPitch()
    {
        using var bitmap = Line(canvas =>
        {
            var i = 0;
            for (var x = LeftEnd + 20; x < RightStart - 10; x += 15, i++)
                if (i % 7 != 3) Dot(canvas, x, 4); // a faint scan: every seventh dot lost
        });

        var read = LeaderDots.Insert(bitmap, Boxes());

        Assert.Equal((RightStart - 10 - (LeftEnd + 20) + 14) / 15, read[1].Text.Length);
    }

    [Fact]
    public void Insert_LeaderAfterTheLastBox_IsReadAndTheUnboxedPageNumberAfterItIsHandedOn()
    {
        // The detector often boxes neither the dots nor the page number they run into: only the entry has a box.
        using var bitmap = Line(canvas =>
        {
            for (var x = LeftEnd + 8; x < RightStart - 10; x += 15) Dot(canvas, x, 4);
        });
        var asked = new List<SKRectI>();

        var read = LeaderDots.Insert(bitmap, [Boxes()[0]], part =>
        {
            asked.Add(part);
            return [Box("3", part.Left, part.Top, part.Right, part.Bottom)];
        });

        Assert.Equal(["1 Safety", new string('.', (RightStart - 10 - (LeftEnd + 8) + 14) / 15), "3"], read.Select(l => l.Text));
        var page = Assert.Single(asked);
        Assert.InRange(page.Left, RightStart - 5, RightStart + 10); // the "3" block is drawn at RightStart + 10 … + 26, a margin around it
        Assert.InRange(page.Right, RightStart + 26, RightStart + 40);
    }

    [Fact]
    public void Insert_DotsFarRightOfTheLastBox_AreNoLeaderOfIt()
    {
        using var bitmap = Line(canvas =>
        {
            for (var x = 1000; x < RightStart - 10; x += 15) Dot(canvas, x, 4);
        });

        Assert.Single(LeaderDots.Insert(bitmap, [Boxes()[0]]));
    }

    [Fact]
    public void Insert_EmptyGap_AddsNothing()
    {
        using var bitmap = Line(_ => { });

        Assert.Equal(["1 Safety", "3"], LeaderDots.Insert(bitmap, Boxes()).Select(l => l.Text));
    }

    [Fact]
    public void Insert_DashedRule_IsNoLeader()
    {
        using var bitmap = Line(canvas =>
        {
            using var paint = new SKPaint { Color = SKColors.Black };
            for (var x = LeftEnd + 20; x < RightStart - 30; x += 30) canvas.DrawRect(x, Baseline - 3, 18, 3, paint);
        });

        Assert.Equal(2, LeaderDots.Insert(bitmap, Boxes()).Count);
    }

    [Fact]
    public void Insert_ScatteredSpecksOfMixedSizes_AreNoLeader()
    {
        var random = new Random(25);
        using var bitmap = Line(canvas =>
        {
            for (var x = LeftEnd + 20; x < RightStart - 40; x += random.Next(20, 90))
                Dot(canvas, x, random.Next(2, 9), Baseline - random.Next(0, 12));
        });

        Assert.Equal(2, LeaderDots.Insert(bitmap, Boxes()).Count);
    }

    [Fact]
    public void Insert_TwoDots_AreNoLeader()
    {
        using var bitmap = Line(canvas =>
        {
            Dot(canvas, 900, 4);
            Dot(canvas, 915, 4);
        });

        Assert.Equal(2, LeaderDots.Insert(bitmap, Boxes()).Count);
    }

    [Fact]
    public void Insert_DotsBelowTheLine_AreNotItsLeader()
    {
        using var bitmap = Line(canvas =>
        {
            for (var x = LeftEnd + 20; x < RightStart - 10; x += 15) Dot(canvas, x, 4, Baseline + 60);
        });

        Assert.Equal(2, LeaderDots.Insert(bitmap, Boxes()).Count);
    }

    /// <summary>Two text-like blocks on one line with <paramref name="gap"/> drawn between them.</summary>
    private static SKBitmap Line(Action<SKCanvas> gap)
    {
        var bitmap = new SKBitmap(2000, 400, SKColorType.Bgra8888, SKAlphaType.Premul);
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(SKColors.White);
        using var ink = new SKPaint { Color = SKColors.Black };
        for (var x = 110; x < LeftEnd - 10; x += 24) canvas.DrawRect(x, TextTop, 16, Baseline - TextTop, ink); // "1 Safety"
        canvas.DrawRect(RightStart + 10, TextTop, 16, Baseline - TextTop, ink); // "3"
        gap(canvas);
        canvas.Flush();
        return bitmap;
    }

    private static List<OcrLine> Boxes() =>
        [Box("1 Safety", 100, BoxTop, LeftEnd, BoxBottom, 0.97), Box("3", RightStart, BoxTop, RightStart + 60, BoxBottom, 0.93)];

    private static OcrLine Box(string text, float left, float top, float right, float bottom, double confidence = 0.95) =>
        new(text, [new(left, top), new(right, top), new(right, bottom), new(left, bottom)], confidence);

    /// <summary>An anti-aliased round dot of <paramref name="diameter"/> px sitting on the baseline (or at <paramref name="bottom"/>).</summary>
    private static void Dot(SKCanvas canvas, float x, float diameter, float bottom = Baseline)
    {
        using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        canvas.DrawCircle(x + diameter / 2, bottom - diameter / 2, diameter / 2, paint);
    }
}
