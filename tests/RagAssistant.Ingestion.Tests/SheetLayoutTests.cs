using RagAssistant.Core.Documents;
using RagAssistant.Ingestion.Readers.Office;

namespace RagAssistant.Ingestion.Tests;

/// <summary>
/// How a worksheet's cells become tables: a financial statement's blank spacer rows and columns do not cut it apart,
/// while tables set side by side, each with its own key column, still come out as separate tables.
/// </summary>
public class SheetLayoutTests
{
    [Fact]
    public void FinancialStatement_WithSpacerRowAndColumns_IsOneTableWhoseRowsCarryEveryColumn()
    {
        var grid = Sheet(
            (6, 1, "In millions of CHF"), (6, 10, "January–June\n2023"),
            (7, 2, "Sales"), (7, 3, "Trading\noperating profit"), (7, 6, "Net other income"), (7, 7, "of which impairment"), (7, 10, "Depreciation"),
            // row 8 is blank; columns D, E (4, 5) and I (9) are blank spacers
            (9, 1, "Zone NA"), (9, 2, "12,553"), (9, 3, "2,632"), (9, 6, "(81)"), (9, 7, "(29)"), (9, 10, "(337)"),
            (10, 1, "Zone EUR"), (10, 2, "9,467"), (10, 3, "1,373"), (10, 6, "(197)"), (10, 7, "—"), (10, 10, "(414)"),
            (11, 1, "Total"), (11, 2, "46,293"), (11, 3, "7,351"), (11, 6, "(553)"), (11, 7, "(110)"), (11, 10, "(1,722)"));

        var table = Assert.Single(Blocks(grid).OfType<TableBlock>());

        Assert.Equal(["In millions of CHF", "January–June 2023 › Sales", "January–June 2023 › Trading operating profit",
            "January–June 2023 › Net other income", "January–June 2023 › of which impairment", "January–June 2023 › Depreciation"], table.Header);
        Assert.Equal(["Zone NA", "12,553", "2,632", "(81)", "(29)", "(337)"], table.Rows[0].Cells);
        Assert.Equal("S!A9:J9", table.Rows[0].Locator);
        Assert.Equal(3, table.Rows.Count);
    }

    [Fact]
    public void PeriodLabels_NameTheColumnsOfTheirBlockBetweenSpacerColumns()
    {
        var grid = Sheet(
            (6, 1, "In millions of CHF"), (6, 3, "2023"), (6, 6, "2022"),
            (7, 2, "Goodwill"), (7, 3, "Intangibles"), (7, 5, "Goodwill"), (7, 6, "Intangibles"),
            (9, 1, "Zone NA"), (9, 2, "—"), (9, 3, "(9)"), (9, 5, "—"), (9, 6, "(285)"),
            (10, 1, "Total"), (10, 2, "(16)"), (10, 3, "(55)"), (10, 5, "—"), (10, 6, "(599)"));

        var table = Assert.Single(Blocks(grid).OfType<TableBlock>());

        Assert.Equal(["In millions of CHF", "2023 › Goodwill", "2023 › Intangibles", "2022 › Goodwill", "2022 › Intangibles"], table.Header);
    }

    [Fact]
    public void TablesSideBySide_EachWithItsOwnKeyColumn_StayApart()
    {
        var grid = Sheet(
            (1, 1, "Part"), (1, 2, "Qty"), (1, 4, "Tool"), (1, 5, "Size"),
            (2, 1, "Bolt"), (2, 2, "4"), (2, 4, "Wrench"), (2, 5, "13"),
            (3, 1, "Nut"), (3, 2, "8"), (3, 4, "Socket"), (3, 5, "10"));

        var tables = Blocks(grid).OfType<TableBlock>().ToList();

        Assert.Equal(2, tables.Count);
        Assert.Equal(["Part", "Qty"], tables[0].Header);
        Assert.Equal(["Tool", "Size"], tables[1].Header);
    }

    [Fact]
    public void WordsUnderABlankRow_DoNotJoinTheHeaderAbove()
    {
        var grid = Sheet(
            (1, 1, "Step"), (1, 2, "Action"),
            (3, 1, "Clean"), (3, 2, "Wipe the face"),
            (4, 1, "Check"), (4, 2, "Gauge the bore"));

        var blocks = Blocks(grid);

        Assert.DoesNotContain(blocks.OfType<TableBlock>(), t => t.Header.Contains("Step") && t.Rows.Any(r => r.Cells.Contains("Clean")));
    }

    [Fact]
    public void NotesUnderATable_AreParagraphs_NotATitleOverTheRest()
    {
        var grid = Sheet(
            (1, 1, "Zone"), (1, 2, "Sales"),
            (2, 1, "NA"), (2, 2, "12,553"),
            (4, 1, "(a) Inter-segment sales are not significant."),
            (5, 1, "(b) Before other income."));

        var blocks = Blocks(grid);

        Assert.DoesNotContain(blocks.OfType<HeadingBlock>(), h => h.Text.StartsWith("(a)"));
        Assert.Contains(blocks.OfType<ParagraphBlock>(), p => p.Text.StartsWith("(a) Inter-segment"));
        Assert.Contains(blocks.OfType<ParagraphBlock>(), p => p.Text.StartsWith("(b) Before"));
    }

    [Fact]
    public void ATitleCellOverATable_IsStillItsHeading()
    {
        var grid = Sheet((1, 1, "Fasteners"), (2, 1, "Part"), (2, 2, "Size"), (3, 1, "Bolt"), (3, 2, "M8"));

        var blocks = Blocks(grid);

        Assert.Equal(new HeadingBlock(2, "Fasteners"), blocks[0]);
        Assert.Equal(["Part", "Size"], Assert.Single(blocks.OfType<TableBlock>()).Header);
    }

    [Theory]
    [InlineData("12,553", true)]
    [InlineData("(81)", true)]
    [InlineData("-0.5", true)]
    [InlineData("30.31 %", true)]
    [InlineData("2023", false)]
    [InlineData("—", false)]
    [InlineData("January–June 2023", false)]
    [InlineData("Zone NA", false)]
    public void Figures_AreNumbersNotYearsOrDashes(string text, bool figure) => Assert.Equal(figure, NumericCell.IsFigure(text));

    private static CellGrid Sheet(params (int Row, int Column, string Text)[] cells)
    {
        var builder = new CellGridBuilder();
        foreach (var (r, c, text) in cells) builder.Set(r, c, text);
        return builder.Build((r0, c0, r1, c1) => CellReference.Range("S", r0, c0, r1, c1));
    }

    private static List<DocumentBlock> Blocks(CellGrid grid) => OfficeBlocks.ForGrid(grid, 0, card: null, headingLevel: 2).ToList();
}
