using RagAssistant.Ingestion.Benchmarks;
using RagAssistant.Ingestion.Tests.Ocr;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using Xunit.Abstractions;

namespace RagAssistant.Ingestion.Tests.Benchmarks;

/// <summary>The CER half of <c>rag bench ocr</c> on PDFs of known lines, read by the real engine at the real resolution.</summary>
public sealed class OcrAccuracyBenchmarkTests(OcrEngineFixture fixture, ITestOutputHelper output) : IClassFixture<OcrEngineFixture>
{
    private static readonly string[] Lines =
    [
        "Replace the spindle bearing after 8000 operating hours.",
        "Check the coolant level before every shift.",
        "Tighten the M8 bolts to 25 N.m in a cross pattern.",
    ];

    [Fact]
    public void Run_UprightPageOfKnownLines_MatchesAndReadsEveryLine()
    {
        var report = Run(rotation: 0);

        var row = Assert.Single(report.Cer);
        Assert.Equal(("en", 3, 0, 0), (row.Lang, row.ReferenceLines, row.UnmatchedLines, row.ExtraOcrChars));
        Assert.Equal(Lines.Sum(l => l.Replace(" ", "").Length), row.ReferenceChars);
        Assert.InRange(row.Cer!.Value, 0, 0.02);
        var speed = Assert.Single(report.Speed);
        Assert.Equal((1, 1), (speed.Pages, speed.AllPages));
        Assert.True(speed.PagesPerSec > 0);
    }

    /// <summary>
    /// On a page turned by /Rotate every OCR line lands on the text-layer line it read (no OCR text outside the
    /// reference): the boxes are brought back through the rotation. What the engine reads there is another matter —
    /// lines running down the image come out garbled, one upside-down line may be missed (README: "Not yet").
    /// </summary>
    [Theory]
    [InlineData(90)]
    [InlineData(180)]
    public void Run_RotatedPage_EveryOcrLineLandsOnItsReferenceLine(int rotation)
    {
        var report = Run(rotation);

        var row = Assert.Single(report.Cer);
        Assert.Equal(("en", 3, 0, 0), (row.Lang, row.ReferenceLines, row.ExtraOcrLines, row.ExtraOcrChars));
        Assert.True(row.UnmatchedLines < 3);
    }

    private OcrAccuracyReport Run(int rotation)
    {
        using var pdf = new RuledTestPdf();
        var page = pdf.AddPage();
        if (rotation != 0) page.SetRotation(new PageRotationDegrees(rotation));
        for (var i = 0; i < Lines.Length; i++) pdf.Text(page, Lines[i], 60, 760 - i * 30, size: 12);
        var bench = new OcrAccuracyBenchmark(fixture.Engine, new HashSet<char>("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,"), threads: 0);

        var report = bench.Run([("known.pdf", pdf.Build())], [200], maxPages: null, denseChars: 100);

        foreach (var e in report.Errors) output.WriteLine($"{e.Edits} \"{e.Reference}\" → \"{e.Ocr}\"");
        return report;
    }

    [Theory]
    [InlineData(0, 10, 20, 10 + 100 / 2.0, 800 - 50 / 2.0)]
    [InlineData(90, 10, 20, 10 + 50 / 2.0, 20 + 100 / 2.0)]
    [InlineData(180, 10, 20, 600 - 100 / 2.0, 20 + 50 / 2.0)]
    [InlineData(270, 10, 20, 600 - 50 / 2.0, 800 - 100 / 2.0)]
    public void ToUserSpace_UndoesTheCropBoxAndTheRotation(int rotation, double left, double bottom, double x, double y)
    {
        // Crop box (10, 20)–(600, 800); the pixel (100, 50) at 2 pixels a point is (50, 25) points from the top-left corner
        // of the page as displayed, which /Rotate turns clockwise.
        var crop = new PdfRectangle(left, bottom, 600, 800);

        var point = OcrPageReference.ToUserSpace(100, 50, 2, crop, rotation);

        Assert.Equal((x, y), (point.X, point.Y));
    }

    [Fact]
    public void WithoutLeaders_RemovesRunsOfLeaderDotsOnly()
    {
        Assert.Equal("6Alarmlist12", OcrAccuracyBenchmark.WithoutLeaders("6Alarmlist..........12"));
        Assert.Equal("扭矩25N·m", OcrAccuracyBenchmark.WithoutLeaders("扭矩·····25N·m"));
        Assert.Equal("1.1Scope", OcrAccuracyBenchmark.WithoutLeaders(CharacterErrorRate.Normalise("1.1 Scope …… ")));
        Assert.Equal("Φ35k6..轴颈", OcrAccuracyBenchmark.WithoutLeaders("Φ35k6..轴颈"));
    }

    [Fact]
    public void Vocabulary_IsTheCharacterListAfterNfkc()
    {
        using var temp = new RagAssistant.Testing.TempDirectory();
        var keys = temp.WriteText("keys.txt", "主\nＡ\n℃\n");

        var vocabulary = OcrAccuracyBenchmark.Vocabulary(keys);

        Assert.Equal(new HashSet<char>("主A°C"), vocabulary);
    }
}
