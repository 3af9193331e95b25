using RagAssistant.Ingestion.Benchmarks;

namespace RagAssistant.Ingestion.Tests.Benchmarks;

/// <summary>Text-layer lines and OCR lines joined by box overlap into groups read as one (PDF points, y up).</summary>
public sealed class OcrLineMatcherTests
{
    private static BoxedText Line(string text, double left, double bottom, double right, double top) => new(text, left, bottom, right, top);

    [Fact]
    public void Match_PairsEachLineWithTheOcrLineOverIt()
    {
        BoxedText[] reference = [Line("第一行", 50, 700, 200, 712), Line("第二行", 50, 680, 200, 692)];
        // OCR boxes are a little larger than the glyph boxes and a little off.
        BoxedText[] ocr = [Line("第二行", 48, 677, 203, 695), Line("第一行", 47, 697, 202, 715)];

        var matches = OcrLineMatcher.Match(reference, ocr);

        Assert.Equal(2, matches.Count);
        Assert.Equal(("第一行", "第一行"), (matches[0].ReferenceText, matches[0].OcrText));
        Assert.Equal(("第二行", "第二行"), (matches[1].ReferenceText, matches[1].OcrText));
    }

    [Fact]
    public void Match_OcrLineOverTwoCells_IsOneGroupReadLeftToRight()
    {
        BoxedText[] reference = [Line("YK3150", 200, 500, 240, 510), Line("50", 100, 500, 112, 510), Line("铣花键", 130, 500, 160, 510)];
        BoxedText[] ocr = [Line("50 铣花键", 98, 497, 163, 513), Line("YK3150", 198, 497, 243, 513)];

        var matches = OcrLineMatcher.Match(reference, ocr);

        Assert.Equal(2, matches.Count);
        var merged = matches.Single(m => m.Reference.Count == 2);
        Assert.Equal("50 铣花键", merged.ReferenceText);
        Assert.Equal("50 铣花键", merged.OcrText);
    }

    [Fact]
    public void Match_OneLineReadAsTwoPieces_IsOneGroup()
    {
        BoxedText[] reference = [Line("Replace the spindle bearing every 8000 hours", 50, 600, 400, 611)];
        BoxedText[] ocr = [Line("hours", 360, 598, 402, 613), Line("Replace the spindle bearing every 8000", 48, 598, 352, 613)];

        var match = Assert.Single(OcrLineMatcher.Match(reference, ocr));

        Assert.Equal("Replace the spindle bearing every 8000 hours", match.OcrText);
    }

    [Fact]
    public void Match_UnreadLineAndTextOutsideTheLayer_AreGroupsOfOneSide()
    {
        BoxedText[] reference = [Line("—", 300, 400, 306, 410), Line("扭矩", 50, 400, 70, 410)];
        BoxedText[] ocr = [Line("扭矩", 48, 398, 72, 412), Line("LOGO", 500, 780, 560, 800)];

        var matches = OcrLineMatcher.Match(reference, ocr);

        Assert.Equal(3, matches.Count);
        Assert.Contains(matches, m => m.ReferenceText == "—" && m.Ocr.Count == 0);
        Assert.Contains(matches, m => m.OcrText == "LOGO" && m.Reference.Count == 0);
        Assert.Contains(matches, m => m.ReferenceText == "扭矩" && m.OcrText == "扭矩");
    }

    [Fact]
    public void Overlaps_NeedsHalfTheSmallerHeightAndWidth()
    {
        var line = Line("line", 50, 700, 200, 712);
        Assert.True(OcrLineMatcher.Overlaps(line, Line("ocr", 48, 697, 203, 716)));
        // The next row's box reaching a few points into this one: not the same line.
        Assert.False(OcrLineMatcher.Overlaps(line, Line("next", 50, 685, 200, 703)));
        // Side by side on one row with a sliver of padding in common: different cells.
        Assert.False(OcrLineMatcher.Overlaps(line, Line("cell", 197, 700, 260, 712)));
        Assert.False(OcrLineMatcher.Overlaps(line, Line("far", 300, 700, 400, 712)));
    }
}
