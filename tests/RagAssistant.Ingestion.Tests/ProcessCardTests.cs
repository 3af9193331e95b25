using RagAssistant.Core.Documents;
using RagAssistant.Testing;

namespace RagAssistant.Ingestion.Tests;

/// <summary>The corpus's process cards, one per layout, through the real pipeline and store.</summary>
public class ProcessCardTests : IDisposable
{
    private readonly PipelineHarness _h = new();

    public void Dispose() => _h.Dispose();

    private async Task<(StoredDocument Doc, IReadOnlyList<StoredChunk> Chunks)> IngestCorpusFile(string name)
    {
        var report = await _h.IngestAsync(Path.Combine(RepositoryPaths.Corpus, name));
        Assert.Equal(0, report.Failed);
        var doc = Assert.Single(await _h.Store.ListAsync(), d => d.FileName == name);
        return (doc, await _h.Store.GetChunksAsync(doc.Id));
    }

    [Theory]
    // 机械加工工艺过程卡, labels left of values, two-row merged operations header (切削参数 over 转速/进给/背吃刀量)
    [InlineData("JD-2105-0318_输出轴_工艺过程卡_RevB.xlsx", "工序号: 60 |", "工艺过程卡!A12:K12",
        new[] { "零件号: JD-2105-0318", "零件名称: 输出轴", "材料: 40Cr", "版本: B", "工序名称: 精车Φ35k6轴颈", "设备: CK6150-03", "切削参数 › 转速 r/min: 950", "切削参数 › 进给 mm/r: 0.10", "工时 min: 3.20" })]
    // the same card as a Word file: vMerge/gridSpan header, cited by table and row
    [InlineData("JD-2105-0318_输出轴_工艺过程卡_RevB.docx", "工序号: 60 |", "table 2 row 8",
        new[] { "零件号: JD-2105-0318", "材料: 40Cr", "版本: B", "工序名称: 精车Φ35k6轴颈", "切削参数 › 转速 r/min: 950", "切削参数 › 进给 mm/r: 0.10" })]
    // 工序卡: labels above values, one operation, its steps carry the operation's number, name and machine
    [InlineData("GY-2105-0318-60_输出轴_OP60精车_工序卡.xlsx", "工步号: 2 |", "工序卡!A8:H8",
        new[] { "零件号: JD-2105-0318", "工序号: 60", "工序名称: 精车Φ35k6轴颈", "设备: CK6150-03", "主轴转速 r/min: 950", "进给量 mm/r: 0.10", "背吃刀量 mm: 0.25" })]
    // vertical key–value header above the operations
    [InlineData("JD-2105-0422_中间齿轮_工艺过程卡.xlsx", "工序号: 60 |", "中间齿轮!A18:G18",
        new[] { "零件号: JD-2105-0422", "零件名称: 中间齿轮", "材料: 20CrMnTi", "版本: A/1", "工序名称: 渗碳淬火", "检验项目: 表面硬度、硬化层深度", "频次: 每炉随炉试样" })]
    // multi-sheet workbook: header on the cover sheet, operations on the next sheet, inline strings, formula results
    [InlineData("JD-2105-0201_支架本体_工艺过程卡.xlsx", "工序号: 30 |", "工艺过程!A5:I5",
        new[] { "零件号: JD-2105-0201", "材料: QT450-10", "版本: C", "工序名称: 镗孔", "转速 r/min: 900", "进给 mm/min: 90", "工时 min: 3.10" })]
    // labels in one row, values in the row below; percentages as the sheet shows them
    [InlineData("JD-2105-0205_盖板_工艺卡.xlsx", "工序: 40 |", "盖板工艺卡!A9:H9",
        new[] { "零件图号: JD-2105-0205", "材料牌号: 6061-T6", "版次: 2", "工序名称: 阳极氧化", "合格率目标: 98%" })]
    public async Task OperationChunk_HoldsPartNumberColumnNamesAndValues(string file, string operation, string locator, string[] expected)
    {
        var (_, chunks) = await IngestCorpusFile(file);
        var chunk = Assert.Single(chunks, c => c.Text.Contains(operation, StringComparison.Ordinal));
        Assert.Equal(locator, chunk.Locator);
        foreach (var text in expected) Assert.Contains(text, chunk.Text);
    }

    [Fact]
    public async Task CardHeader_IsOneChunkWithEveryLabelValuePair()
    {
        var (_, chunks) = await IngestCorpusFile("JD-2105-0318_输出轴_工艺过程卡_RevB.xlsx");
        var header = Assert.Single(chunks, c => c.Text.StartsWith("机械加工工艺过程卡片", StringComparison.Ordinal));
        Assert.Equal("工艺过程卡!A1:K3", header.Locator);
        foreach (var pair in new[] { "文件编号: GY-2105-0318", "毛坯种类: 热轧圆钢 Φ45", "适用产品: JD-2105 减速器", "生效日期: 2026-04-25", "编制: 张伟", "批准: 刘建国" })
            Assert.Contains(pair, header.Text);
    }

    [Fact]
    public async Task TechnicalRequirementsAndChangeRecord_AreTheirOwnChunks()
    {
        var (_, chunks) = await IngestCorpusFile("JD-2105-0318_输出轴_工艺过程卡_RevB.xlsx");
        var requirements = Assert.Single(chunks, c => c.Text.StartsWith("技术要求", StringComparison.Ordinal));
        Assert.Contains("241–286 HBW", requirements.Text);
        var changes = Assert.Single(chunks, c => c.Text.StartsWith("更改记录", StringComparison.Ordinal));
        Assert.Contains("更改文件号: ECN-2026-031", changes.Text);
        Assert.Contains("800→950 r/min", changes.Text);
        Assert.DoesNotContain(chunks, c => c.Text.Contains("工序号: 60", StringComparison.Ordinal) && c.Text.Contains("ECN-2026-031", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OperationCard_DatesShowAsTheSheetFormatsThem()
    {
        var (doc, chunks) = await IngestCorpusFile("GY-2105-0318-60_输出轴_OP60精车_工序卡.xlsx");
        Assert.Contains(chunks, c => c.Text.Contains("生效日期: 2026年4月25日", StringComparison.Ordinal));
        Assert.Equal(new DateOnly(2026, 4, 25), doc.EffectiveDate);
        Assert.Equal("JD-2105-0318 机械加工工序卡 OP60", doc.Identity);
    }

    [Fact]
    public async Task MultiSheetCard_SkipsHiddenSheetAndRow_AndSaysSo()
    {
        var report = await _h.IngestAsync(Path.Combine(RepositoryPaths.Corpus, "JD-2105-0201_支架本体_工艺过程卡.xlsx"));
        var file = Assert.Single(report.Files);
        Assert.Contains(file.Warnings, w => w is { Code: IngestWarning.HiddenSheets, Count: 1, Name: "计算", Text: "1 hidden sheet(s) skipped: 计算" });
        Assert.Contains(file.Warnings, w => w is { Code: IngestWarning.HiddenRows, Count: 1, Text: "1 hidden row(s) skipped" });
        var chunks = await _h.Store.GetChunksAsync(file.DocumentId!.Value);
        Assert.DoesNotContain(chunks, c => c.Text.Contains("已取消", StringComparison.Ordinal) || c.Text.Contains("工时合计", StringComparison.Ordinal));
        Assert.Contains(chunks, c => c.Text.Contains("ECN-2026-012", StringComparison.Ordinal) && c.Text.StartsWith("更改记录", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SameCardAsXlsxAndDocx_IsACopy_AndTheNewerRevisionSupersedesTheOlder()
    {
        string[] files = ["JD-2105-0318_输出轴_工艺过程卡_RevA.xlsx", "JD-2105-0318_输出轴_工艺过程卡_RevB.xlsx", "JD-2105-0318_输出轴_工艺过程卡_RevB.docx"];
        var report = await _h.IngestAsync(files.Select(f => Path.Combine(RepositoryPaths.Corpus, f)).ToArray());
        Assert.Equal(3, report.Ingested);
        var docs = (await _h.Store.ListAsync()).ToDictionary(d => d.FileName);
        Assert.All(docs.Values, d => Assert.Equal((DocumentKind.ProcessCard, "JD-2105-0318 机械加工工艺过程卡"), (d.Kind, d.Identity)));
        Assert.Equal(("A", true), (docs[files[0]].Revision, docs[files[0]].Superseded));
        Assert.Equal(("B", false), (docs[files[1]].Revision, docs[files[1]].Superseded));
        Assert.Equal(("B", false), (docs[files[2]].Revision, docs[files[2]].Superseded));
        var revA = await _h.Store.GetChunksAsync(docs[files[0]].Id);
        Assert.Contains(revA, c => c.Text.Contains("工序号: 60", StringComparison.Ordinal) && c.Text.Contains("转速 r/min: 800", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ControlPlan_RowsAreRecords_ButItIsNotAProcessCard()
    {
        var (doc, chunks) = await IngestCorpusFile("CP-2105-0318_输出轴_控制计划.xlsx");
        Assert.Equal(DocumentKind.Other, doc.Kind);
        var row = Assert.Single(chunks, c => c.Text.Contains("特性: 刀片寿命", StringComparison.Ordinal));
        Assert.Contains("零件号: JD-2105-0318", row.Text);
        Assert.Contains("规范/公差: ≤60 件/刃", row.Text);
    }
}
