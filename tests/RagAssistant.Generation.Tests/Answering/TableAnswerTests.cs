using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RagAssistant.Core.Documents;
using RagAssistant.Core.Search;
using RagAssistant.Generation.Extractive;

namespace RagAssistant.Generation.Tests.Answering;

/// <summary>A value asked of a table: the row found by its key cells, the asked cell marked, the citation at the row.</summary>
public sealed class TableAnswerTests
{
    private static readonly Core.Search.RetrievedChunk TorqueTable = TestSources.Chunk(80, "Q/JD 402 紧固件拧紧扭矩规范",
        "| 螺栓规格 | 性能等级 | 拧紧扭矩 N·m |\n| --- | --- | --- |\n| M8×1.25 | 8.8 | 25±2 |\n| M10×1.5 | 10.9 | 48±3 |\n| M12×1.75 | 10.9 | 85±5 |",
        locator: "table 3 rows 1-3");

    private static AnswerUnit Row(string fragment) =>
        TestSources.Units(TorqueTable.Text).Single(u => u.Kind == UnitKind.TableRow && u.Text.Contains(fragment, StringComparison.Ordinal));

    [Fact]
    public void TheQuoteMarksTheCellOfTheAskedKind_NotTheKeyCell()
    {
        var quote = QuoteFormatter.Format(Row("M10×1.5"), TestSources.Terms("M10 螺栓 10.9 级拧多大扭矩？"), TestSources.Analyzer, TestSources.Answers);
        Assert.Contains("**拧紧扭矩 48±3 N·m**", quote, StringComparison.Ordinal);
        Assert.DoesNotContain("**螺栓规格", quote, StringComparison.Ordinal);
    }

    private static readonly AnswerUnit GradeRow = new(UnitKind.TableRow,
        "| M12×1.5 | 88.1 | 88 | 124 | 149 |",
        [("螺纹规格 d×P", "M12×1.5"), ("应力截面积 As mm²", "88.1"), ("拧紧扭矩 N·m › 性能等级 8.8", "88"),
         ("拧紧扭矩 N·m › 性能等级 10.9", "124"), ("拧紧扭矩 N·m › 性能等级 12.9", "149")]);

    [Fact]
    public void OfColumnsWhoseHeadersDifferInANumber_TheOneTheQuestionNamesIsMarked()
    {
        // The header path says which column: 性能等级 8.8 for "8.8 级"; 10.9 and 12.9 are other entries of the table.
        var quote = QuoteFormatter.Format(GradeRow, TestSources.Terms("M12 螺栓 8.8 级的拧紧扭矩是多少？"), TestSources.Analyzer, TestSources.Answers);
        Assert.Contains("**拧紧扭矩 N·m › 性能等级 8.8 88**", quote, StringComparison.Ordinal);
        Assert.DoesNotContain("**拧紧扭矩 N·m › 性能等级 10.9", quote, StringComparison.Ordinal);
        Assert.DoesNotContain("**拧紧扭矩 N·m › 性能等级 12.9", quote, StringComparison.Ordinal);
    }

    [Fact]
    public void OfColumnsWhoseHeadersDifferInANumber_AllAreMarked_WhenTheQuestionNamesNone()
    {
        var cells = QuoteFormatter.AskedCells(TestSources.Terms("M12 螺栓的拧紧扭矩是多少？"), GradeRow.Fields, TestSources.Analyzer);
        Assert.Equal(3, cells.Count(c => c.Label.StartsWith("拧紧扭矩", StringComparison.Ordinal)));
    }

    [Fact]
    public void ALongRow_LeavesOutTheColumnsOfOtherEntries()
    {
        var wide = GradeRow with { Text = GradeRow.Text + new string(' ', 200) };
        var quote = QuoteFormatter.Format(wide, TestSources.Terms("M12 螺栓 10.9 级的拧紧扭矩是多少？"), TestSources.Analyzer, TestSources.Answers);
        Assert.Contains("**拧紧扭矩 N·m › 性能等级 10.9 124**", quote, StringComparison.Ordinal);
        Assert.DoesNotContain("性能等级 8.8", quote, StringComparison.Ordinal);
        Assert.DoesNotContain("性能等级 12.9", quote, StringComparison.Ordinal);
    }

    [Fact]
    public void AQuestionAskingNoValue_MarksNoCell()
    {
        var quote = QuoteFormatter.Format(Row("M10×1.5"), TestSources.Terms("M10 螺栓用哪个性能等级的标准"), TestSources.Analyzer, TestSources.Answers);
        Assert.DoesNotContain("**", quote, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutAnAskedKind_TheCellUnderAHeaderNamingTheQuestionsWordIsMarked()
    {
        var alarm = new AnswerUnit(UnitKind.TableRow, "| 2001 | HYDRAULIC PRESSURE LOW | Check oil level |",
            [("Code", "2001"), ("Message", "HYDRAULIC PRESSURE LOW"), ("Remedy", "Check oil level")]);
        var cells = QuoteFormatter.AskedCells(TestSources.Terms("What is the remedy for alarm 2001, how many steps?"), alarm.Fields, TestSources.Analyzer);
        Assert.Equal([("Remedy", "Check oil level")], cells);
    }

    [Fact]
    public void ACitationOfOneQuotedRow_PointsAtThatRow()
    {
        Assert.Equal("table 3 row 2", RowLocator.For(TorqueTable, [Row("M10×1.5")]));
        Assert.Equal("table 3 row 3", RowLocator.For(TorqueTable, [Row("M12×1.75")]));
    }

    [Fact]
    public void ACitationOfOneRow_HighlightsThatRowsBoxes_AndOtherwiseTheChunks()
    {
        var table = TorqueTable with
        {
            Boxes = [new PageBox(2, 50, 700, 500, 712) { Row = 1 }, new PageBox(2, 50, 686, 500, 698) { Row = 2 },
                     new PageBox(2, 50, 660, 300, 684) { Row = 3 }, new PageBox(3, 50, 760, 300, 772) { Row = 3 }],
        };

        Assert.Equal([(2, 686.0)], RowLocator.Cite(table, [Row("M10×1.5")]).Boxes.Select(b => (b.Page, b.Bottom)));
        Assert.Equal([2, 3], RowLocator.Cite(table, [Row("M12×1.75")]).Boxes.Select(b => b.Page));
        Assert.Equal(4, RowLocator.Cite(table, [Row("M8×1.25"), Row("M10×1.5")]).Boxes.Count);
        // Boxes stored before rows were kept carry no row: the whole chunk stays highlighted.
        var unnumbered = table with { Boxes = [.. table.Boxes.Select(b => b with { Row = null })] };
        Assert.Equal(4, RowLocator.Cite(unnumbered, [Row("M10×1.5")]).Boxes.Count);
    }

    [Fact]
    public void SeveralQuotedRows_OrAChunkThatIsNotARunOfRows_KeepTheChunksLocator()
    {
        Assert.Equal("table 3 rows 1-3", RowLocator.For(TorqueTable, [Row("M8×1.25"), Row("M10×1.5")]));
        var clause = TestSources.Chunk(81, "Q/JD 105", "渗碳层深度 0.8–1.2 mm。", locator: "4.2.1");
        Assert.Equal("4.2.1", RowLocator.For(clause, TestSources.Units(clause.Text).ToList()));
    }

    [Fact]
    public void ALongRow_ShowsAndMarksTheCellStatingTheAskedKindOfValue_ThoughNoHeaderNamesIt()
    {
        var alarm = TestSources.Units(
            "| Code | Message | Probable cause | Corrective action |\n| --- | --- | --- | --- |\n" +
            "| 8012 | TOOL UNCLAMP NOT CONFIRMED | Unclamp cylinder air pressure below 0.5 MPa, or unclamp sensor gap outside the range | " +
            "Check the air supply (0.6 MPa) and the cylinder seals; set the sensor gap to 0.9 mm and check the clamping force |").Single();
        var quote = QuoteFormatter.Format(alarm, TestSources.Terms("VMC850 报警 8012 松刀传感器间隙应调到多少 mm？"), TestSources.Analyzer, TestSources.Answers);
        Assert.Contains("set the sensor gap to 0.9 mm", quote, StringComparison.Ordinal);
        Assert.Contains("**Corrective action", quote, StringComparison.Ordinal);
    }

    [Fact]
    public void ACountQuestion_ShowsTheCellInTheAskedUnit()
    {
        var row = TestSources.Units("零件号: JD-2105-0318 | 工序号: 30 | 过程名称: 调质 | 机器/工装: 井式炉 RJ-75 | 特性: 硬度 | 规范/公差: 241–286 HBW | " +
                                     "测量技术: 布氏硬度计 | 样本容量: 5 件 | 频率: 每炉 | 控制方法: 炉次记录、SPC | 反应计划: 隔离该炉，重新回火，通知质量工程师").Single();
        var quote = QuoteFormatter.Format(row, TestSources.Terms("输出轴控制计划里 OP30 调质硬度每炉抽几件？"), TestSources.Analyzer, TestSources.Answers);
        Assert.Contains("**样本容量 5 件**", quote, StringComparison.Ordinal);
    }

    [Fact]
    public void TheRowAskedAbout_FoundInTwoTables_IsQuotedFromBoth()
    {
        // Two sheets list the same teams (all time, and since 1967): the row the question names stands in both with
        // different values, and the reader must see both, not the one a small score difference favours.
        const string header = "| Team | Location | Stanley Cups |\n| --- | --- | --- |\n";
        RetrievedChunk[] sheets =
        [
            TestSources.Chunk(90, "Stanley Cups", header + "| Flyers | PHI | 2 |\n| Maple Leafs | TOR | 0 |\n| Blues | STL | 1 |", locator: "'Since 67'!A3:C5"),
            TestSources.Chunk(91, "Stanley Cups", header + "| Flyers | PHI | 2 |\n| Maple Leafs | TOR | 13 |\n| Blues | STL | 1 |", locator: "'Stanley Cups'!A3:C5"),
        ];
        var answerer = new ExtractiveAnswerer(TestSources.Analyzer, Options.Create(new AnswerOptions()), NullLogger<ExtractiveAnswerer>.Instance);

        var quotes = answerer.Select(TestSources.Terms("How many Stanley Cups have the Maple Leafs won?"), sheets, sheets).Quotes;

        Assert.Equal([(0, "| Maple Leafs | TOR | 0 |"), (1, "| Maple Leafs | TOR | 13 |")], quotes.Take(2).Select(q => (q.Source, q.Unit.Text)));
        Assert.DoesNotContain(quotes, q => q.Unit.Text.Contains("Flyers", StringComparison.Ordinal));
    }
}
