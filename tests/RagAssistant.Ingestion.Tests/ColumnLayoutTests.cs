using RagAssistant.Core.Documents;
using static RagAssistant.Ingestion.Tests.TestPdf;

namespace RagAssistant.Ingestion.Tests;

/// <summary>
/// Reading order below two balanced columns: a heading at the left margin under both columns, set apart by its space
/// above, opens the full-width text after it and is read after the right column; the spare last line of the left column,
/// at the usual spacing, stays in the left column.
/// </summary>
public sealed class ColumnLayoutTests
{
    private const double RightColumn = 310, Top = 760;

    [Fact]
    public void AHeadingBelowBothColumns_IsReadAfterTheRightColumn()
    {
        var headingY = Top - 4 * Leading - 2.5 * Leading;
        Text[] page =
        [
            .. Column(Left, "alpha", 5), .. Column(RightColumn, "beta", 4),
            new("6 Results", Left, headingY, BodySize, true),
            .. Paragraph(headingY - 1.8 * Leading, 2, "results"),
        ];

        var text = ReadAll(page);

        Assert.True(text.IndexOf("beta line 4", StringComparison.Ordinal) < text.IndexOf("6 Results", StringComparison.Ordinal), text);
        Assert.True(text.IndexOf("6 Results", StringComparison.Ordinal) < text.IndexOf("results text", StringComparison.Ordinal), text);
    }

    [Fact]
    public void TheSpareLineOfBalancedColumns_StaysInTheLeftColumn()
    {
        Text[] page =
        [
            .. Column(Left, "alpha", 6), .. Column(RightColumn, "beta", 5),
            .. Paragraph(Top - 7.5 * Leading, 2, "results"),
        ];

        var text = ReadAll(page);

        Assert.True(text.IndexOf("alpha line 6", StringComparison.Ordinal) < text.IndexOf("beta line 1", StringComparison.Ordinal), text);
    }

    // Lines about 220 pt wide: a column of a two-column page (the gutter lies between 290 and 310).
    private static IEnumerable<Text> Column(double x, string topic, int lines)
    {
        for (var i = 0; i < lines; i++)
            yield return new Text($"The {topic} line {i + 1} runs on with some words", x, Top - i * Leading);
    }

    private static string ReadAll(Text[] page) =>
        string.Join("\n", Read(Build(page)).Blocks.Select(b => b switch
        {
            HeadingBlock h => h.Text,
            ParagraphBlock p => p.Text,
            _ => "",
        }));
}
