using RagAssistant.Core.Documents;
using RagAssistant.Ingestion.Readers;
using RagAssistant.Testing;

namespace RagAssistant.Ingestion.Tests;

public class ReaderTests
{
    [Fact]
    public void Markdown_KeepsHeadingsListNumbersAndTables()
    {
        const string md = """
            # 齿轮热处理技术条件

            ## 4.2 渗碳淬火

            1. 渗碳温度 920–930 ℃。
            2. 回火温度 180±10 ℃。

            | 材料 | 硬度 |
            |------|------|
            | 40Cr | 241–286 HBW |
            | 45 | 217–255 HBW |
            """;
        var doc = new MarkdownReader().Read(ReaderTestInput.For("std.md", md), default);

        Assert.Equal("齿轮热处理技术条件", doc.Title);
        Assert.Contains(doc.Blocks, b => b is HeadingBlock { Level: 2, Text: "4.2 渗碳淬火" });
        Assert.Contains(doc.Blocks, b => b is ParagraphBlock { Text: "2. 回火温度 180±10 ℃。" });
        var table = Assert.Single(doc.Blocks.OfType<TableBlock>());
        Assert.Equal(["材料", "硬度"], table.Header);
        Assert.Equal("table 1 row 2", table.Rows[1].Locator);
        Assert.Equal(["45", "217–255 HBW"], table.Rows[1].Cells);
    }

    [Fact]
    public void PlainText_DetectsNumberedHeadings_AndKeepsStepsApart()
    {
        const string text = """
            作业指导书
            文件编号：WI-AS-021

            4 作业步骤
            4.1 预紧
            1. 按 A1→A3→A2→A4 顺序预紧至 12.5 N·m。
            2. 终紧至 25±2 N·m。
            """;
        var doc = new PlainTextReader().Read(ReaderTestInput.For("wi.txt", text), default);

        Assert.Contains(doc.Blocks, b => b is HeadingBlock { Level: 1, Text: "4 作业步骤" });
        Assert.Contains(doc.Blocks, b => b is HeadingBlock { Level: 2, Text: "4.1 预紧" });
        var steps = doc.Blocks.OfType<ParagraphBlock>().Where(p => p.Text.StartsWith('1') || p.Text.StartsWith('2')).ToList();
        Assert.Equal(2, steps.Count);
        Assert.Equal("line 6", steps[0].Locator);
    }

    [Fact]
    public void PlainText_JoinsHardWrappedEnglishLines()
    {
        const string text = "The hydraulic chuck pressure must be checked before every start of the machine and\nset to 1.5 MPa for the OP60 finishing operation.\n";
        var doc = new PlainTextReader().Read(ReaderTestInput.For("op.txt", text), default);
        var paragraph = Assert.Single(doc.Blocks.OfType<ParagraphBlock>());
        Assert.Contains("machine and set to 1.5 MPa", paragraph.Text);
    }

    [Fact]
    public void Csv_FirstRecordIsHeader_RowsCountLikeASpreadsheet()
    {
        const string csv = "日期,设备编号,故障描述\n2026-01-09,VMC850-01,\"主轴轴承异响, 更换 7014C\"\n2026-01-27,CK6150-01,液压油温过高 65℃\n";
        var doc = new CsvReader().Read(ReaderTestInput.For("log.csv", csv), default);

        var table = Assert.Single(doc.Blocks.OfType<TableBlock>());
        Assert.Equal(["日期", "设备编号", "故障描述"], table.Header);
        Assert.Equal("主轴轴承异响, 更换 7014C", table.Rows[0].Cells[2]);
        Assert.Equal("row 2", table.Rows[0].Locator);
        Assert.Equal("row 3", table.Rows[1].Locator);
    }

    [Fact]
    public void Csv_RaggedRows_ArePaddedAndReported()
    {
        const string csv = "a,b,c\n1,2,3\n4,5\n6,7,8\n";
        var doc = new CsvReader().Read(ReaderTestInput.For("x.csv", csv), default);
        var table = Assert.Single(doc.Blocks.OfType<TableBlock>());
        Assert.All(table.Rows, r => Assert.Equal(3, r.Cells.Count));
        Assert.Contains(doc.Warnings, w => w.Code == IngestWarning.RaggedRows && w.Text.Contains("different number of fields"));
    }

    [Fact]
    public void Html_ReadsVisibleTextHeadingsAndTables_SkipsScriptAndNav()
    {
        const string html = """
            <!DOCTYPE html><html><head><title>Quality Alert QA-1</title><style>p{color:red}</style></head>
            <body><nav>Home | Alerts | Contact</nav>
            <h1>Quality Alert</h1><h2>Root cause</h2>
            <p>Insert changed every <b>80</b> parts instead of 60.</p>
            <div style="display:none">hidden text</div>
            <table><tr><th>Part</th><th>Measured</th></tr><tr><td>JD-2105-0318</td><td>Φ35.021</td></tr></table>
            <script>console.log('x')</script>
            <ul><li>Contain stock</li><li>Replace inserts</li></ul>
            </body></html>
            """;
        var doc = new HtmlReader().Read(ReaderTestInput.For("qa.html", html), default);

        Assert.Equal("Quality Alert QA-1", doc.Title);
        Assert.Contains(doc.Blocks, b => b is HeadingBlock { Level: 2, Text: "Root cause" });
        Assert.Contains(doc.Blocks, b => b is ParagraphBlock { Text: "Insert changed every 80 parts instead of 60." });
        Assert.Contains(doc.Blocks, b => b is ParagraphBlock { Text: "• Replace inserts" });
        var table = Assert.Single(doc.Blocks.OfType<TableBlock>());
        Assert.Equal(["Part", "Measured"], table.Header);
        Assert.Equal(["JD-2105-0318", "Φ35.021"], table.Rows[0].Cells);

        var allText = string.Join("\n", doc.Blocks.Select(b => b switch { ParagraphBlock p => p.Text, HeadingBlock h => h.Text, _ => "" }));
        Assert.DoesNotContain("console", allText);
        Assert.DoesNotContain("Home | Alerts", allText);
        Assert.DoesNotContain("hidden text", allText);
    }

    [Fact]
    public void Html_ColspanRepeatsTheCell()
    {
        const string html = "<html><body><table><tr><th>工序</th><th colspan=2>切削参数</th></tr><tr><td>60</td><td>950</td><td>0.10</td></tr></table></body></html>";
        var table = Assert.Single(new HtmlReader().Read(ReaderTestInput.For("c.html", html), default).Blocks.OfType<TableBlock>());
        Assert.Equal(["工序", "切削参数", "切削参数"], table.Header);
    }

    [Fact]
    public void CorpusWorkInstruction_InGb18030_ReadsAsChinese()
    {
        var path = Path.Combine(RepositoryPaths.Corpus, "作业指导书_扭矩紧固_WI-AS-021.txt");
        var doc = new PlainTextReader().Read(ReaderTestInput.For(Path.GetFileName(path), File.ReadAllBytes(path)), default);
        var text = string.Join("\n", doc.Blocks.OfType<ParagraphBlock>().Select(p => p.Text));
        Assert.Contains("25±2 N·m", text);
        Assert.DoesNotContain('\uFFFD', text);
    }
}
