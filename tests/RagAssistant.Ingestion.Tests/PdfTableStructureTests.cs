using Microsoft.Extensions.Logging.Abstractions;
using RagAssistant.Core.Documents;
using RagAssistant.Core.Text;
using RagAssistant.Ingestion.Chunking;
using RagAssistant.Ingestion.Readers.Pdf;
using RagAssistant.Ingestion.Tables;
using RagAssistant.Testing;

namespace RagAssistant.Ingestion.Tests;

/// <summary>
/// PDF tables read from their structure, on the corpus PDFs generated for them (LibreOffice, corpus/src) and on the
/// third-party datasheet of ../shared: wrapped cells stay in their row, a two-row header with a spanning cell gives
/// column paths, a table continued over a page is one table, an unruled table keeps its wrapped cells, and its chunks
/// carry the column paths.
/// </summary>
public sealed class PdfTableStructureTests
{
    private const string Standard = "Q-JD-402-2026_紧固件拧紧扭矩规范.pdf";
    private const string Manual = "VMC850-Maintenance-Manual_JD-MM-EQ-011.pdf";

    private static ParsedDocument Read(string path) =>
        new PdfReader(NullLogger<PdfReader>.Instance).Read(ReaderTestInput.For(Path.GetFileName(path), File.ReadAllBytes(path)), default);

    private static ParsedDocument Corpus(string name) => Read(Path.Combine(RepositoryPaths.Corpus, name));

    private static TableBlock Table(ParsedDocument document, string captionStart) =>
        Assert.Single(document.Blocks.OfType<TableBlock>(), t => t.Caption?.StartsWith(captionStart, StringComparison.Ordinal) == true);

    private static string Cell(TableBlock table, string firstCell, int column) =>
        Assert.Single(table.Rows, r => r.Cells[0] == firstCell).Cells[column];

    [Fact]
    public void TwoRowHeader_WithASpanningLabel_NamesEveryColumnUnderIt()
    {
        var table = Table(Corpus(Standard), "表1");

        Assert.Equal(["螺纹规格 d×P", "应力截面积 As mm²", "拧紧扭矩 N·m › 性能等级 8.8", "拧紧扭矩 N·m › 性能等级 10.9", "拧紧扭矩 N·m › 性能等级 12.9"], table.Header);
        Assert.Equal("25", Cell(table, "M8×1.25", 2));
        Assert.Equal("83", Cell(table, "M10×1.5", 4));
    }

    [Fact]
    public void TableContinuedWithItsHeaderRepeated_IsOneTable_TheRepeatedHeaderDropped()
    {
        var table = Table(Corpus(Standard), "表1");

        Assert.Equal(24, table.Rows.Count); // 13 coarse threads on page 2, 11 fine ones on page 3
        Assert.DoesNotContain(table.Rows, r => r.Cells[0].StartsWith("螺纹规格", StringComparison.Ordinal) || r.Cells.Any(c => c.StartsWith("性能等级", StringComparison.Ordinal)));
        Assert.Equal("table 1 row 24", table.Rows[^1].Locator);
        Assert.Contains(table.Rows[^1].Boxes!, b => b.Page == 3);
        Assert.Contains(table.Rows[0].Boxes!, b => b.Page == 2);
    }

    [Fact]
    public void TableContinuedWithoutAHeader_IsOneTable_RowsNumberedThrough()
    {
        var table = Table(Corpus(Standard), "表3");

        Assert.Equal(Enumerable.Range(1, 20).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), table.Rows.Select(r => r.Cells[0]));
        Assert.Equal("300±18", Cell(table, "18", 4));
        Assert.Contains("料盘吊具与吊杆连接", Cell(table, "18", 1), StringComparison.Ordinal);
    }

    [Fact]
    public void UnruledTable_KeepsAWrappedCellWhole_InItsOwnRow()
    {
        var table = Table(Corpus(Standard), "表A.1");

        Assert.Equal(["表面状态", "摩擦系数 μ", "修正系数 K", "说明"], table.Header);
        Assert.Equal("锌镍涂层 + 封闭(本公司标准状态)", table.Rows[0].Cells[0]);
        Assert.Equal("1.00", table.Rows[0].Cells[2]);
        Assert.Equal(7, table.Rows.Count);
        Assert.EndsWith("固化 24 h 后方可复检", table.Rows[^1].Cells[3], StringComparison.Ordinal);
    }

    [Fact]
    public void RuledCellsWrappingOverSeveralLines_StayInTheirRow()
    {
        var table = Table(Corpus(Manual), "Table 3");

        Assert.Equal(["Code", "Message", "Probable cause", "Corrective action"], table.Header);
        var row = Assert.Single(table.Rows, r => r.Cells[0] == "8011");
        Assert.Equal("DRAWBAR FORCE LOW", row.Cells[1]);
        Assert.Equal("Clamping force below 15 kN: disc spring stack fatigued or broken", row.Cells[2]);
        Assert.StartsWith("Measure with gauge DFG-40", row.Cells[3], StringComparison.Ordinal);
        // Every code's row holds its own message: none carries a neighbour's start or end.
        Assert.All(table.Rows, r => Assert.Matches(@"^\d{4}$", r.Cells[0]));
    }

    [Fact]
    public void ContentsPage_GivesNoTable()
    {
        var document = Corpus(Manual);

        Assert.DoesNotContain(document.Blocks.OfType<TableBlock>(), t => t.Page == 2);
    }

    [Fact]
    public void EveryChunkOfATable_StartsWithItsColumnPaths_AndHoldsWholeRows()
    {
        var document = Corpus(Standard);
        var chunks = new DocumentChunker(Microsoft.Extensions.Options.Options.Create(new IngestionOptions()), new ApproximateTokenCounter()).Chunk(document, "Q/JD 402");

        var table = chunks.Where(c => c.Locator.StartsWith("table 1 row", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(table);
        Assert.All(table, c => Assert.StartsWith("| 螺纹规格 d×P | 应力截面积 As mm² | 拧紧扭矩 N·m › 性能等级 8.8 | 拧紧扭矩 N·m › 性能等级 10.9 | 拧紧扭矩 N·m › 性能等级 12.9 |", c.Text));
        Assert.Contains(table, c => c.Text.Contains("| M8×1.25 | 36.6 | 25 | 35 | 42 |", StringComparison.Ordinal));
        Assert.All(table, c => Assert.NotEmpty(c.Boxes));
        // Each box knows its row, so a citation of one row can highlight that row alone.
        Assert.All(table, c => Assert.All(c.Boxes, b => Assert.InRange(b.Row ?? 0, FirstRow(c.Locator), LastRow(c.Locator))));
        Assert.All(table, c => Assert.Equal(Enumerable.Range(FirstRow(c.Locator), LastRow(c.Locator) - FirstRow(c.Locator) + 1), c.Boxes.Select(b => b.Row!.Value).Distinct().Order()));

        static int FirstRow(string locator) => int.Parse(System.Text.RegularExpressions.Regex.Match(locator, @"rows? (\d+)").Groups[1].Value);
        static int LastRow(string locator) => int.Parse(System.Text.RegularExpressions.Regex.Match(locator, @"(\d+)$").Groups[1].Value);
    }

    [Fact]
    public void GroupLabelsCentredOverTheColumnNamesBelow_NameEachColumnOfTheirGroup()
    {
        string[][] rows =
        [
            ["", "", "End", "", "", "Start", ""],
            ["Age", "Amount", "Share", "Provision", "Amount", "Share", "Provision"],
            ["1-2 years", "508.34", "0.05", "254.17", "1,832.61", "0.22", "1,164.45"],
            ["4-5 years", "799.68", "0.08", "745.86", "1,021.63", "0.12", "763.02"],
            ["Total", "2,109.41", "0.22", "1,794.60", "3,977.22", "0.48", "2,295.53"],
        ];
        double[] xs = [40, 110, 180, 250, 320, 390, 460, 530];
        double[] ys = [780, 762, 744, 726, 708, 690];
        using var pdf = new RuledTestPdf();
        var page = pdf.AddPage();
        RuledTestPdf.Grid(page, xs, ys);
        pdf.Cells(page, xs, ys, rows, size: 9);

        var table = Assert.Single(new PdfReader(NullLogger<PdfReader>.Instance).Read(ReaderTestInput.For("aging.pdf", pdf.Build()), default).Blocks.OfType<TableBlock>());

        Assert.Equal(["Age", "End › Amount", "End › Share", "End › Provision", "Start › Amount", "Start › Share", "Start › Provision"], table.Header);
        Assert.Equal("745.86", Cell(table, "4-5 years", 3));
    }

    [Fact]
    public void TableStartingAtTheFootOfAPage_WithACentredSpacedOutHeader_IsOneTableWithTheRowsOnTheNext()
    {
        using var pdf = new RuledTestPdf();
        var first = pdf.AddPage();
        pdf.Text(first, "4 General provision rates by age of the receivable", 114, 130, size: 12);
        // The first column's name is set in the middle of the column and spaced out into two pieces, its rows start at
        // its left; the rates are centred under theirs.
        pdf.Text(first, "Age", 160, 104, size: 11);
        pdf.Text(first, "band", 205, 104, size: 11);
        pdf.Text(first, "Rate", 399, 104, size: 11);
        pdf.Text(first, "Within one year (incl.)", 135, 87, size: 11);
        pdf.Text(first, "5%", 403, 87, size: 11);
        var next = pdf.AddPage();
        string[][] rows = [["1-2 years", "10%"], ["2-3 years", "30%"], ["3-4 years", "50%"], ["4-5 years", "80%"], ["Over 5 years", "100%"]];
        for (var r = 0; r < rows.Length; r++)
        {
            pdf.Text(next, rows[r][0], 135, 760 - r * 17, size: 11);
            pdf.Text(next, rows[r][1], 400, 760 - r * 17, size: 11);
        }
        pdf.Text(next, "Note: amounts due from related parties are not provided for unless impaired.", 114, 660, size: 12);

        var doc = new PdfReader(NullLogger<PdfReader>.Instance).Read(ReaderTestInput.For("rates.pdf", pdf.Build()), default);
        var table = Assert.Single(doc.Blocks.OfType<TableBlock>());

        Assert.Equal(["Age band", "Rate"], table.Header);
        Assert.Equal(["Within one year (incl.)", "1-2 years", "2-3 years", "3-4 years", "4-5 years", "Over 5 years"], table.Rows.Select(r => r.Cells[0]));
        Assert.Equal("80%", Cell(table, "4-5 years", 1));
    }

    [Fact]
    public void TableGoingOnUnderAContinuedLine_IsOneTableWithTheRowsOnTheNextPage()
    {
        // A balance sheet: assets on the first page under its header, liabilities on the next under the line
        // "Balance sheet (continued)" and no header. The line is the table's title again, not a heading between two tables.
        double[] xs = [40, 240, 400, 560];
        using var pdf = new RuledTestPdf();
        var first = pdf.AddPage();
        pdf.Text(first, "Balance sheet", 40, 790, size: 12);
        double[] ys1 = [780, 762, 744, 726, 708];
        RuledTestPdf.Grid(first, xs, ys1);
        pdf.Cells(first, xs, ys1, [["Item", "Closing balance", "Opening balance"], ["Cash", "290,980,108.33", "326,201,877.63"],
            ["Inventories", "625,874,148.67", "565,879,470.43"], ["Total assets", "3,795,927,543.86", "3,744,817,662.30"]], size: 9);
        var next = pdf.AddPage();
        pdf.Text(next, "Balance sheet (continued)", 40, 790, size: 12);
        double[] ys2 = [780, 762, 744, 726];
        RuledTestPdf.Grid(next, xs, ys2);
        pdf.Cells(next, xs, ys2, [["Short-term borrowings", "246,000,000.00", "395,000,000.00"], ["Notes payable", "56,409,418.36", "48,118,883.71"],
            ["Total liabilities", "1,607,249,069.56", "1,612,024,932.93"]], size: 9);

        var doc = new PdfReader(NullLogger<PdfReader>.Instance).Read(ReaderTestInput.For("balance.pdf", pdf.Build()), default);
        var table = Assert.Single(doc.Blocks.OfType<TableBlock>());

        Assert.Equal(["Item", "Closing balance", "Opening balance"], table.Header);
        Assert.Equal("246,000,000.00", Cell(table, "Short-term borrowings", 1));
        Assert.DoesNotContain(doc.Blocks.OfType<HeadingBlock>(), h => h.Text.Contains("continued", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("资产负债表(续表)", true)]
    [InlineData("续表", true)]
    [InlineData("表 3（续）", true)]
    [InlineData("Table 3 (continued)", true)]
    [InlineData("Balance sheet (cont.)", true)]
    [InlineData("资产负债表", false)]
    [InlineData("The work continued for three weeks after the line was moved to the new building.", false)]
    public void ContinuationLine_IsAShortLineSayingTheTableGoesOn(string line, bool marks) =>
        Assert.Equal(marks, ContinuationLine.Marks(line));

    [Fact]
    public void ColumnsOfFiguresMostlyDashes_AreStillColumnsOfFigures_UnderTheirNames()
    {
        // A report's note on leased assets: most classes hold nothing ("-"), one holds the figures. The dashes stand for
        // no amount; the row above them names the columns.
        using var pdf = new RuledTestPdf();
        var page = pdf.AddPage();
        double[] xs = [60, 230, 340, 450];
        string[][] rows =
        [
            ["Item", "Original cost", "Depreciation", "Net value"],
            ["Buildings", "-", "-", "-"],
            ["Machinery", "22,304,074.40", "2,740,510.99", "19,563,563.41"],
            ["Vehicles", "-", "-", "-"],
            ["Office equipment", "-", "-", "-"],
            ["Total", "22,304,074.40", "2,740,510.99", "19,563,563.41"],
        ];
        for (var r = 0; r < rows.Length; r++)
            for (var c = 0; c < xs.Length; c++)
                pdf.Text(page, rows[r][c], xs[c], 740 - r * 16, size: 10);

        var doc = new PdfReader(NullLogger<PdfReader>.Instance).Read(ReaderTestInput.For("leases.pdf", pdf.Build()), default);
        var table = Assert.Single(doc.Blocks.OfType<TableBlock>());

        Assert.Equal(["Item", "Original cost", "Depreciation", "Net value"], table.Header);
        Assert.Equal("2,740,510.99", Cell(table, "Machinery", 2));
    }

    [Fact]
    public void NumberedItemTitlesAloneInATablesFirstRows_AreItsCaption()
    {
        // "8、长期股权投资" over "(1)长期股权投资分类" over the column names, all three read into one table by alignment.
        var table = new DetectedTable(1, [(50, 150), (150, 250), (250, 350)], ruled: false);
        string?[][] rows = [["8、长期股权投资", null, null], [null, "(1)长期股权投资分类", null], ["项目", "期初数", "期末数"], ["成本法", "455,125,967.07", "455,125,967.07"]];
        foreach (var row in rows)
            table.Rows.Add(new DetectedRow(row.Select(t => t is null ? null : new DetectedCell(t)).ToArray(), [], 1));

        InnerCaption.Lift(table);
        TableHeaders.Mark(table);

        Assert.Equal("8、长期股权投资 (1)长期股权投资分类", table.Caption);
        Assert.Equal(["项目", "期初数", "期末数"], table.ExpandedRows()[0]);
        Assert.Equal(1, table.HeaderRows);
    }

    [Fact]
    public void TableDrawnInsideAnothersRow_IsCaptionedByThatRow()
    {
        // A cell specification's step charge: each temperature range's row holds a small table of currents and the
        // state of charge they charge up to. The small tables said nothing of their range; the outer rows held their
        // text run together.
        using var pdf = new RuledTestPdf();
        var page = pdf.AddPage();
        RuledTestPdf.Grid(page, [50, 150, 450], [780, 700, 620]);
        string[] ranges = ["-20 C to -15 C", "-15 C to -10 C"];
        string[][][] profiles = [[["Current", "SOC"], ["0.08C", "10%"], ["0.05C", "30%"]], [["Current", "SOC"], ["0.12C", "20%"], ["0.08C", "50%"]]];
        for (var r = 0; r < ranges.Length; r++)
        {
            var top = 780 - r * 80;
            pdf.Text(page, ranges[r], 55, top - 40, size: 9);
            double[] xs = [170, 300, 430];
            double[] ys = [top - 10, top - 28, top - 46, top - 64];
            RuledTestPdf.Grid(page, xs, ys);
            pdf.Cells(page, xs, ys, profiles[r], size: 9);
        }

        var doc = new PdfReader(NullLogger<PdfReader>.Instance).Read(ReaderTestInput.For("step-charge.pdf", pdf.Build()), default);
        var tables = doc.Blocks.OfType<TableBlock>().ToList();

        var first = Assert.Single(tables, t => t.Caption == "-20 C to -15 C");
        Assert.Equal(["Current", "SOC"], first.Header);
        Assert.Equal("30%", Cell(first, "0.05C", 1));
        var second = Assert.Single(tables, t => t.Caption == "-15 C to -10 C");
        Assert.Equal("50%", Cell(second, "0.08C", 1));
    }

    [Fact]
    public void NumberedHeadingDrawnInABox_IsAHeading_AndSoIsOneAcrossAFramesRow()
    {
        // A specification draws its clause titles in boxes: "1.3 Other charge conditions" alone, then a frame whose first
        // row is "1.3.1 Step charge" across it, over the step-charge table. Both are headings the tables stand under.
        using var pdf = new RuledTestPdf();
        var page = pdf.AddPage();
        RuledTestPdf.Grid(page, [50, 450], [780, 760]);
        pdf.Text(page, "1.3 Other charge conditions", 54, 766, size: 10);
        RuledTestPdf.Line(page, 50, 740, 450, 740);
        foreach (var y in new double[] { 720, 700, 680 }) RuledTestPdf.Line(page, 50, y, 450, y);
        RuledTestPdf.Line(page, 50, 740, 50, 680);
        RuledTestPdf.Line(page, 450, 740, 450, 680);
        RuledTestPdf.Line(page, 250, 720, 250, 680);
        pdf.Text(page, "1.3.1 Step charge", 54, 726, size: 10);
        pdf.Cells(page, [50, 250, 450], [720, 700, 680], [["Cell temperature", "Charge profile"], ["< -20 C", "No charging"]], size: 10);

        var doc = new PdfReader(NullLogger<PdfReader>.Instance).Read(ReaderTestInput.For("spec.pdf", pdf.Build()), default);

        Assert.Contains(doc.Blocks.OfType<HeadingBlock>(), h => h.Text == "1.3 Other charge conditions");
        Assert.Contains(doc.Blocks.OfType<HeadingBlock>(), h => h.Text == "1.3.1 Step charge");
        var table = Assert.Single(doc.Blocks.OfType<TableBlock>());
        Assert.Equal(["Cell temperature", "Charge profile"], table.Header);
    }

    [Fact]
    public void TitleInTheFirstRowOfAFrame_IsTheCaption_AndTheColumnNamesBelowItTheHeader()
    {
        double[] xs = [40, 150, 260, 370, 480];
        double[] ys = [780, 762, 744, 726, 708];
        using var pdf = new RuledTestPdf();
        var page = pdf.AddPage();
        // The frame's first row is one cell over the two left columns (no rule between them), the rest of it empty.
        RuledTestPdf.Line(page, xs[0], ys[0], xs[^1], ys[0]);
        foreach (var y in ys.Skip(1)) RuledTestPdf.Line(page, xs[0], y, xs[^1], y);
        foreach (var (x, i) in xs.Select((x, i) => (x, i)))
            RuledTestPdf.Line(page, x, i == 1 ? ys[1] : ys[0], x, ys[^1]);
        pdf.Text(page, "(3) Fixed assets leased under finance leases", xs[0] + 4, ys[1] + 4, size: 9);
        pdf.Cells(page, xs, ys, [[], ["Item", "Original cost", "Depreciation", "Net value"], ["Machinery", "22,304.40", "2,740.99", "19,563.41"], ["Total", "22,304.40", "2,740.99", "19,563.41"]], size: 9);

        var doc = new PdfReader(NullLogger<PdfReader>.Instance).Read(ReaderTestInput.For("lease.pdf", pdf.Build()), default);
        var table = Assert.Single(doc.Blocks.OfType<TableBlock>());

        Assert.Equal("(3) Fixed assets leased under finance leases", table.Caption);
        Assert.Equal(["Item", "Original cost", "Depreciation", "Net value"], table.Header);
        Assert.Equal("2,740.99", Cell(table, "Machinery", 2));
    }

    [Fact]
    public void FrameHoldingTablesUnderTitlesOfTheirOwn_IsReadAsThoseTables()
    {
        // An annual report's shareholder frame: a total above, then two tables, each under a title across the frame
        // with its own column names. Read as one table, the total's row was every row's header and the second table's
        // column names were a row.
        double[] xs = [40, 170, 300, 430, 560];
        double[] ys = [780, 762, 744, 726, 708, 690, 672, 654, 636, 618];
        string[][] rows =
        [
            ["Total shareholders", "26,029", "", ""],
            ["Top 10 shareholders", "", "", ""],
            ["Name", "Nature", "Share", "Shares held"],
            ["AVIC Xi'an", "State-owned", "29.64%", "279,438,629"],
            ["Fu Jincai", "Individual", "0.37%", "3,473,718"],
            ["Top 10 holders of unrestricted shares", "", "", ""],
            ["Name", "Unrestricted shares", "Class", "Note"],
            ["China South", "19,890,000", "A share", "-"],
            ["Fu Jincai", "3,473,718", "A share", "-"],
        ];
        using var pdf = new RuledTestPdf();
        var page = pdf.AddPage();
        foreach (var y in ys) RuledTestPdf.Line(page, xs[0], y, xs[^1], y);
        // The frame's sides run the whole height; a title row has no rule between its columns.
        for (var r = 0; r < rows.Length; r++)
            foreach (var (x, i) in xs.Select((x, i) => (x, i)))
                if (i == 0 || i == xs.Length - 1 || rows[r].Skip(1).Any(c => c.Length > 0)) RuledTestPdf.Line(page, x, ys[r], x, ys[r + 1]);
        pdf.Cells(page, xs, ys, rows, size: 9);

        var doc = new PdfReader(NullLogger<PdfReader>.Instance).Read(ReaderTestInput.For("shareholders.pdf", pdf.Build()), default);
        var tables = doc.Blocks.OfType<TableBlock>().ToList();

        Assert.Equal(3, tables.Count);
        var top = Assert.Single(tables, t => t.Caption == "Top 10 shareholders");
        Assert.Equal(["Name", "Nature", "Share", "Shares held"], top.Header);
        Assert.Equal("0.37%", Cell(top, "Fu Jincai", 2));
        var unrestricted = Assert.Single(tables, t => t.Caption == "Top 10 holders of unrestricted shares");
        Assert.Equal(["Name", "Unrestricted shares", "Class", "Note"], unrestricted.Header);
        Assert.Equal("3,473,718", Cell(unrestricted, "Fu Jincai", 1));
        Assert.Contains(tables, t => t.Rows.Any(r => r.Cells[0] == "Total shareholders" && r.Cells[1] == "26,029"));
    }

    [Fact]
    public void SecondRowOfColumnNamesShapedLikeTheFirst_StartsATableOfItsOwn()
    {
        // A report's key figures: balances at the period's end under one row of column names, then the half-year's
        // results under another. Read as one table, revenue stood under "At period end".
        double[] xs = [40, 200, 320, 440, 560];
        double[] ys = [780, 762, 744, 726, 708, 690, 672];
        string[][] rows =
        [
            ["", "At period end", "At prior year end", "Change (%)"],
            ["Total assets", "3,795,927,543.86", "3,744,817,662.30", "1.36%"],
            ["Share capital", "942,838,487.00", "942,838,487.00", "0.00%"],
            ["", "Reporting period", "Same period last year", "Change on last year (%)"],
            ["Total revenue", "733,529,263.90", "767,432,031.63", "-4.42%"],
            ["Net profit", "53,977,844.16", "55,725,855.60", "-3.14%"],
        ];
        using var pdf = new RuledTestPdf();
        var page = pdf.AddPage();
        RuledTestPdf.Grid(page, xs, ys);
        pdf.Cells(page, xs, ys, rows, size: 9);

        var doc = new PdfReader(NullLogger<PdfReader>.Instance).Read(ReaderTestInput.For("key-figures.pdf", pdf.Build()), default);
        var tables = doc.Blocks.OfType<TableBlock>().ToList();

        Assert.Equal(2, tables.Count);
        Assert.Equal(["", "At period end", "At prior year end", "Change (%)"], tables[0].Header);
        Assert.Equal(["", "Reporting period", "Same period last year", "Change on last year (%)"], tables[1].Header);
        Assert.Equal("-4.42%", Cell(tables[1], "Total revenue", 3));
    }

    [SharedDataFact("pdf")]
    public void AgingTable_ThePeriodOverEachGroupOfColumns_NamesThem()
    {
        var document = Read(Path.Combine(RepositoryPaths.SharedTestData, "pdf", "Type0_CJK_Font.pdf"));
        var table = document.Blocks.OfType<TableBlock>().First(t => t.Rows.Any(r => r.Cells[0] == "4至5年"));

        Assert.Equal(["账龄", "期末数 › 账面余额金额", "期末数 › 比例(%)", "期末数 › 坏账准备", "期初数 › 账面余额金额", "期初数 › 比例(%)", "期初数 › 坏账准备"], table.Header);
    }

    [SharedDataFact("pdf")]
    public void HeaderWrappedOntoASecondLine_RepeatedOnTheNextPage_IsOneHeaderOfWholeLabels()
    {
        // An annual report's subsidiaries table: its header labels wrap (序/号, 注册/资本, 2010年6月末/总资产) and the
        // whole header is repeated where the table goes on over the page.
        var document = Read(Path.Combine(RepositoryPaths.SharedTestData, "pdf", "Type0_CJK_Font.pdf"));
        var table = Assert.Single(document.Blocks.OfType<TableBlock>(), t => t.Header.Count > 0 && t.Header[0] == "序号" && t.Header.Contains("单位名称"));

        Assert.Equal(["序号", "单位名称", "注册资本", "公司持股比例", "业务性质、主要产品或服务", "2010年6月末总资产", "2010 年 6 月末净资产", "2010 年半年度净利润"], table.Header);
        Assert.Equal(Enumerable.Range(1, 12).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), table.Rows.Select(r => r.Cells[0]));
        Assert.Equal("272.34", Cell(table, "7", 7));
    }

    [SharedDataFact("pdf")]
    public void HeaderLeftAloneAtTheFootOfAPage_IsTheHeaderOfTheRowsOnTheNext()
    {
        // The related-party purchases table: its two header rows end page 13, its rows fill page 14.
        var document = Read(Path.Combine(RepositoryPaths.SharedTestData, "pdf", "Type0_CJK_Font.pdf"));
        var table = Assert.Single(document.Blocks.OfType<TableBlock>(), t => t.Rows.Any(r => r.Cells[0] == "国营北京曙光电机厂"));

        Assert.Equal(["关联方", "关联交易类型", "关联交易内容", "本期发生额 › 金额(元)", "本期发生额 › 占同类交易金额的比例(%)",
            "上期发生额 › 金额(元)", "上期发生额 › 占同类交易金额的比例(%)"], table.Header);
        Assert.Equal("3,991,990.91", Cell(table, "国营北京曙光电机厂", 3));
    }

    [Theory]
    [InlineData("2010年6月末")]
    [InlineData("2010 年 6 月末")]
    [InlineData("2010 年半年度")]
    [InlineData("2009年度")]
    [InlineData("2010")]
    public void APeriodAColumnIsLabelledBy_IsNoValue(string label) => Assert.False(TableHeaders.IsValue(label));

    [Theory]
    [InlineData("25±2")]
    [InlineData("3,120")]
    [InlineData("2010.5")]
    [InlineData("12 个月")]
    public void AMeasuredOrCountedCell_IsAValue(string cell) => Assert.True(TableHeaders.IsValue(cell));

    [SharedDataFact("pdf")]
    public void BilingualSpecificationTable_EachRowHoldsItsOwnLabelValueAndCondition()
    {
        var document = Read(Path.Combine(RepositoryPaths.SharedTestData, "pdf", "SVOLT-196Ah-3.2V-LiFePO4-Blade-Battery-Cell-SpecificationDatasheet.pdf"));
        var table = Assert.Single(document.Blocks.OfType<TableBlock>(), t => t.Header.Count == 4 && t.Rows.Count > 0 && t.Rows[0].Cells[0] == "1.1.1");

        Assert.Equal(["No.", "参数 Item", "产品规格 Specification", "条件 Condition"], table.Header);
        Assert.Equal(Enumerable.Range(1, 15).Select(i => $"1.1.{i}"), table.Rows.Select(r => r.Cells[0]));
        Assert.Equal(["1.1.14", "电池重量 Cell weight", "3380±50 g", "N.A."], table.Rows[13].Cells);
        Assert.Equal(["1.1.6", "电池出货电压 Outgoing Voltage", "3.305±0.004V", "25°C, 新电池50%SOC 状态 25°C, BOL, 50%SOC"], table.Rows[5].Cells);
        Assert.Equal("2.0 ~ 3.65 V", table.Rows[3].Cells[2]);
        // The contents pages (1–2) give no table.
        Assert.DoesNotContain(document.Blocks.OfType<TableBlock>(), t => t.Page <= 2);
    }

    [SharedDataFact("pdf")]
    public void DatasheetParagraphBesidePinLabels_IsReadAsText_NotATable()
    {
        // The SSM2163 datasheet sets its application notes beside the pin diagram and the package drawing: each line of
        // the paragraph shares its height with a pin name or a dimension, which aligned into two-column "tables".
        var document = Read(Path.Combine(RepositoryPaths.SharedTestData, "pdf", "ssm2163.pdf"));
        var cells = document.Blocks.OfType<TableBlock>().SelectMany(t => t.Rows.SelectMany(r => r.Cells)).ToList();

        Assert.DoesNotContain(cells, c => c.Contains("DC offset errors can also be", StringComparison.Ordinal));
        Assert.DoesNotContain(cells, c => c.Contains("The serial data is", StringComparison.Ordinal));
        var text = string.Join("\n", document.Blocks.OfType<ParagraphBlock>().Select(p => p.Text));
        Assert.Contains("The SSM2163 will also operate from dual supplies, ranging from ±4 V to ±7 V.", text);
    }

    [Fact]
    public void ParagraphBesideAFiguresShortLabels_IsReadAsTextThenLabels()
    {
        var lines = new[]
        {
            "the mixer can be loaded by using the parallel port. A typical",
            "parallel interface is shown in the figure. The serial data is",
            "transmitted to the mixer via the port output, while the other",
            "pin acts as the serial clock. Data is latched on the rising edge.",
            "of the clock, and the input is held low for the whole word.",
        };
        // A pin diagram's names and a package drawing's dimensions beside it.
        var labels = new[] { "INPUT 1 LEFT", "INPUT 2 LEFT", "INPUT 1 RIGHT", "INPUT 2 RIGHT", "MUTE" };
        var dimensions = new[] { "0.580 (14.73)", "0.485 (12.32)", "0.625 (15.87)", "0.195 (4.95)", "0.015 (0.38)" };
        var texts = lines.SelectMany((l, i) => new[]
        {
            new TestPdf.Text(l, TestPdf.Left, 700 - i * TestPdf.Leading, 9),
            new TestPdf.Text(labels[i], 380, 700 - i * TestPdf.Leading, 7),
            new TestPdf.Text(dimensions[i], 470, 700 - i * TestPdf.Leading, 7),
        }).ToList();

        var document = TestPdf.Read(TestPdf.Build(texts), "datasheet.pdf");

        Assert.Empty(document.Blocks.OfType<TableBlock>());
        var text = string.Join(" ", document.Blocks.OfType<ParagraphBlock>().Select(p => p.Text));
        Assert.Contains("The serial data is transmitted to the mixer via the port output", text);
        Assert.True(text.IndexOf("Data is latched", StringComparison.Ordinal) < text.IndexOf("INPUT 1 LEFT", StringComparison.Ordinal), text);
    }

    [Fact]
    public void ACodeListingWithLineNumbers_StaysATable()
    {
        var code = new[] { "import layoutparser as lp", "image = cv2.imread(\"image_file\") # load images",
            "model = lp.Detectron2LayoutModel(", "    \"lp://PubLayNet/faster_rcnn_R_50_FPN_3x/config\")", "layout = model.detect(image)" };
        var texts = code.SelectMany((l, i) => new[]
        {
            new TestPdf.Text((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), TestPdf.Left, 700 - i * TestPdf.Leading, 9),
            new TestPdf.Text(l, TestPdf.Left + 30, 700 - i * TestPdf.Leading, 9),
        }).ToList();

        var document = TestPdf.Read(TestPdf.Build(texts), "listing.pdf");

        var table = Assert.Single(document.Blocks.OfType<TableBlock>());
        Assert.Equal(5, table.Rows.Count);
    }

    [SharedDataFact("pdf")]
    public void AUnitsSuperscriptAboveAHeader_JoinsItsLabel_AndTheHeaderIsFound()
    {
        // A corrosion paper's Table 1: "icorr (A/cm²)" set with its ² raised a line of its own above the header, whose
        // labels wrap onto a second line ("Corrosion" / "rate (mm/year)").
        var document = Read(Path.Combine(RepositoryPaths.SharedTestData, "pdf", "embedded-images-tables.pdf"));
        var table = Assert.Single(document.Blocks.OfType<TableBlock>(), t => t.Rows.Any(r => r.Cells.Contains("2.8163")));

        Assert.Contains(table.Header, h => h.Contains("cm2", StringComparison.Ordinal));
        Assert.Contains(table.Header, h => h.Contains("Corrosion", StringComparison.Ordinal) && h.Contains("mm/year", StringComparison.Ordinal));
        Assert.Equal("2.8163", Cell(table, "0", table.Header.Count - 1));
        // Its caption stands right above it: "Table 1" on a line of its own, then its title.
        Assert.StartsWith("Table 1 Potentiodynamic polarization data", table.Caption);
    }

    [Fact]
    public void ASuperscriptSetHigh_StaysWithItsWord()
    {
        var pdf = TestPdf.Build([
            new TestPdf.Text("Area in mm", TestPdf.Left, 700),
            new TestPdf.Text("2", TestPdf.Left + 55.5, 706, 6),
            new TestPdf.Text("The next line of text.", TestPdf.Left, 686),
        ]);

        var text = string.Join("\n", TestPdf.Read(pdf).Blocks.OfType<ParagraphBlock>().Select(p => p.Text));

        Assert.Contains("Area in mm2", text);
    }

    [SharedDataFact("pdf")]
    public void TwoColumnPaper_UnderAJournalLineCrossingItsGutter_IsReadColumnByColumn()
    {
        // A physics paper's first page: the journal's header line above the columns runs across the gutter, and the
        // title, byline and running header stand centred over it. Its columns had been read line by line across.
        var document = Read(Path.Combine(RepositoryPaths.SharedTestData, "pdf", "pop-bugzilla37292.pdf"));
        var text = string.Join("\n", document.Blocks.OfType<ParagraphBlock>().Where(p => p.Page == 1).Select(p => p.Text));

        Assert.Contains("It is measured by a membrane-type pressure gauge 4. By varying the quality (roughness) of the pipe inlet", text);
        Assert.Contains("is possible only if the Reynolds number is less than some critical value.", text);
    }

    [SharedDataFact("pdf")]
    public void TwoColumnDatasheetPage_WithBlockDiagrams_IsReadColumnByColumn()
    {
        // The SSM2163's "Theory of Operation" page: prose in both columns, a block diagram in each. The diagrams' short
        // labels had made neither side look like prose, so its lines were read across the gutter, one sentence cut into
        // the other ("will supply / clock rates up to 1 MHz").
        var document = Read(Path.Combine(RepositoryPaths.SharedTestData, "pdf", "ssm2163.pdf"));
        var text = string.Join("\n", document.Blocks.OfType<ParagraphBlock>().Where(p => p.Page == 10).Select(p => p.Text));

        Assert.Contains("The buffered output of the summing amplifier will supply ±500 µA to an external load.", text);
        Assert.Contains("Data can be shifted into the SSM2163 clock rates up to 1 MHz.", text);
    }

    [SharedDataFact("pdf")]
    public void RuledForm_UnderALogoDrawnInCurves_IsReadAsItsGrid()
    {
        // The motor claim form's first page: its logo and marks take thousands of curve commands, which had made the
        // page count as a drawing with no rules, so its form was read line by line — each line of a section's label a
        // row of its own, level with whatever field stood beside it.
        var document = Read(Path.Combine(RepositoryPaths.SharedTestData, "pdf", "Motor-Insurance-claim-form.pdf"));
        var rows = document.Blocks.OfType<TableBlock>().Where(t => t.Page == 1).SelectMany(t => t.Rows).Select(r => r.Cells).ToList();

        Assert.Contains(rows, r => r[0] == "Insured Vehicle 受保車輛" && r.Contains("Cubic Capacity 汽缸容量"));
        Assert.Contains(rows, r => r[0].Contains("Please submit a copy of the driver’s driving licence & HKID card", StringComparison.Ordinal)
                                   && r.Contains("HKID Card No. 香港身份證號碼"));
    }

    [SharedDataFact("pdf")]
    public void RuledColumnOfMinTypMax_IsCutIntoAColumnPerLabel()
    {
        // The SSM2163's specifications: one ruled box holds "Min Typ Max", and each figure below stands under one of the
        // three. Read as one column, "Logic Input HI | 2.0" did not say that 2.0 V is the minimum.
        var document = Read(Path.Combine(RepositoryPaths.SharedTestData, "pdf", "ssm2163.pdf"));
        var specifications = document.Blocks.OfType<TableBlock>().First(t => t.Page == 2 && t.Header.Contains("Conditions"));

        Assert.Equal(["Parameter", "Conditions", "Min", "Typ", "Max", "Units"], specifications.Header);
        Assert.Contains(specifications.Rows, r => r.Cells.SequenceEqual(["Logic Input HI", "", "2.0", "", "", "V"]));
        Assert.Contains(specifications.Rows, r => r.Cells.SequenceEqual(["Logic Input LO", "", "", "", "0.8", "V"]));
        Assert.Contains(specifications.Rows, r => r.Cells.SequenceEqual(["Output Voltage", "VS = +10 V (Single Supply)", "4.7", "5.0", "5.3", "V"]));
    }

    [SharedDataFact("pdf")]
    public void FirstRowOfOneCellAcrossEveryColumn_IsTheTablesTitle_NotItsColumnNames()
    {
        // The claim form's "FOR STOLEN CAR" bar across the theft section's frame: read as the header, it stood as the
        // column name of every cell below ("FOR STOLEN CAR 申報失車: Who handled your car keys …"). One label over every
        // column names none of them; it names the table.
        var document = Read(Path.Combine(RepositoryPaths.SharedTestData, "pdf", "Motor-Insurance-claim-form.pdf"));
        var theft = Assert.Single(document.Blocks.OfType<TableBlock>(), t => t.Rows.Any(r => r.Cells.Any(c => c.Contains("car keys", StringComparison.Ordinal))));

        Assert.Equal("FOR STOLEN CAR 申報失車", theft.Caption);
        Assert.Empty(theft.Header);
        Assert.Equal("Circumstances of the Theft 失竊情況", theft.Rows[0].Cells[0]);
    }

    [SharedDataFact("pdf")]
    public void ChartFrame_WithTickMarks_IsNoTable()
    {
        // The physics paper's figures: a plot's frame and its tick marks are rules that cut a grid, but its labels and
        // legend all lie in the one box the frame draws. Read as a table, that box spanned every row and column and
        // repeated "limit Xe | Kr Incompressible SF6 | …" in each; its data tables stay tables.
        var document = Read(Path.Combine(RepositoryPaths.SharedTestData, "pdf", "pop-bugzilla37292.pdf"));
        var tables = document.Blocks.OfType<TableBlock>().ToList();

        Assert.DoesNotContain(tables, t => t.Rows.Any(r => r.Cells.Any(c => c.Contains("Incompressible", StringComparison.Ordinal))));
        Assert.DoesNotContain(tables, t => t.Rows.Any(r => r.Cells.Count(c => c.Contains("Kr CO2 Xe", StringComparison.Ordinal)) > 1));
        Assert.Contains(tables, t => t.Rows.Any(r => r.Cells.SequenceEqual(["Critical Reynolds number", "3430", "3570", "3320", "3190", "2870"])));
        Assert.Contains(document.Blocks.OfType<ParagraphBlock>(), p => p.Text.Contains("Incompressible", StringComparison.Ordinal));
    }

    [SharedDataFact("pdf")]
    public void TwoColumnTable_OfNamesAndRelations_IsNoPairOfTextColumns()
    {
        // The annual report's related parties (名称 | 与本公司关系): its cells end wherever their text does, unlike lines of prose.
        var document = Read(Path.Combine(RepositoryPaths.SharedTestData, "pdf", "Type0_CJK_Font.pdf"));
        var table = Assert.Single(document.Blocks.OfType<TableBlock>(), t => t.Page == 80);

        Assert.Contains(table.Rows, r => r.Cells.SequenceEqual(["中国南方航空工业(集团)有限公司", "股东"]));
        Assert.Contains(table.Rows, r => r.Cells.SequenceEqual(["西安航空装备有限公司科技经济开发公司", "同一实质控制人"]));
    }
}
