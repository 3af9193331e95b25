using RagAssistant.Core.Documents;
using RagAssistant.Ingestion.Classification;

namespace RagAssistant.Ingestion.Tests;

public class DocumentClassifierTests
{
    private static (string Kind, DocumentRevision Revision) Classify(string title, params DocumentBlock[] blocks) =>
        DocumentClassifier.Classify(new ParsedDocument(title, blocks), title);

    [Fact]
    public void EnterpriseStandard_IdentityIsCodeWithoutYear()
    {
        var (kind, revision) = Classify("热处理通用技术条件",
            new ParagraphBlock("Q/JD 105—2026"), new ParagraphBlock("江东精密机械有限公司企业标准"),
            new ParagraphBlock("2026-01-15 发布 2026-02-01 实施"));
        Assert.Equal(DocumentKind.Standard, kind);
        Assert.Equal("Q/JD 105", revision.Identity);
        Assert.Equal(2026, revision.Year);
        Assert.Equal(new DateOnly(2026, 2, 1), revision.EffectiveDate);
    }

    [Theory]
    [InlineData("GB/T 3077-2015 合金结构钢", "GB/T 3077", 2015)]
    [InlineData("GB/T  699－2015", "GB/T 699", 2015)]
    [InlineData("ISO 9001:2015 Quality management systems", "ISO 9001", 2015)]
    [InlineData("ＧＢ／Ｔ 1804-2000 一般公差", "GB/T 1804", 2000)]
    public void NationalAndInternationalStandards(string firstLine, string identity, int year)
    {
        var (kind, revision) = Classify(firstLine, new ParagraphBlock(firstLine));
        Assert.Equal(DocumentKind.Standard, kind);
        Assert.Equal(identity, revision.Identity);
        Assert.Equal(year, revision.Year);
    }

    [Fact]
    public void WorkInstruction_CitingAStandard_StaysAWorkInstruction()
    {
        var (kind, revision) = Classify("扭矩紧固",
            new ParagraphBlock("作业指导书"), new ParagraphBlock("文件编号：WI-AS-021"), new ParagraphBlock("版本：B/1"),
            new ParagraphBlock("生效日期：2026-05-10"), new ParagraphBlock("GB/T 3098.1 紧固件机械性能"));
        Assert.Equal(DocumentKind.WorkInstruction, kind);
        Assert.Equal("WI-AS-021", revision.Identity);
        Assert.Equal("B/1", revision.Mark);
        Assert.Equal(new DateOnly(2026, 5, 10), revision.EffectiveDate);
    }

    [Fact]
    public void Manual_IdentityIsDocumentNumber()
    {
        var (kind, revision) = Classify("VMC850 Operator's Manual", new ParagraphBlock("Document No.: MAN-VMC-850"), new ParagraphBlock("Revision: 3"));
        Assert.Equal(DocumentKind.Manual, kind);
        Assert.Equal("MAN-VMC-850", revision.Identity);
        Assert.Equal("3", revision.Mark);
    }

    [Fact]
    public void ProcessCard_NeedsLabelsAndAnOperationsTable()
    {
        var table = new TableBlock(null, ["工序号", "工序名称", "转速 r/min"], [new TableRow(["60", "精车", "950"], "row 8")]);
        var (kind, revision) = Classify("输出轴", new ParagraphBlock("机械加工工序卡片"), new ParagraphBlock("零件图号：JD-2105-0318  版本：B"), table);
        Assert.Equal(DocumentKind.ProcessCard, kind);
        Assert.Equal("JD-2105-0318 机械加工工序卡片", revision.Identity);
        Assert.Equal("B", revision.Mark);
    }

    [Fact]
    public void MentioningProcessCardsInProse_DoesNotMakeAProcessCard()
    {
        var (kind, _) = Classify("术语表", new ParagraphBlock("文件编号：JD-TD-GL-001"),
            new ParagraphBlock("本术语表用于统一用语。同一概念在图样、工艺卡、控制计划中应使用本表名称。"),
            new TableBlock(null, ["中文", "English"], [new TableRow(["工序", "operation"], "row 1")]));
        Assert.Equal(DocumentKind.Other, kind);
    }

    [Fact]
    public void Other_IdentityIsTheTitle()
    {
        var (kind, revision) = Classify("supplier-list", new TableBlock(null, ["Supplier ID", "Name"], []));
        Assert.Equal(DocumentKind.Other, kind);
        Assert.Equal("supplier-list", revision.Identity);
    }

    [Fact]
    public void RecognisedFields_WinOverTextPatterns()
    {
        var doc = new ParsedDocument("输出轴", [new ParagraphBlock("版本：Z"), new RecordBlock("工序号: 60", "Sheet1!A5:K5")])
        {
            Fields = new Dictionary<string, string>
            {
                [DocumentField.CardType] = "机械加工工艺过程卡", [DocumentField.PartNumber] = "JD-2105-0318",
                [DocumentField.Revision] = "Rev. B", [DocumentField.EffectiveDate] = "2026年4月25日",
            },
        };
        var (kind, revision) = DocumentClassifier.Classify(doc, "输出轴");
        Assert.Equal(DocumentKind.ProcessCard, kind);
        Assert.Equal("JD-2105-0318 机械加工工艺过程卡", revision.Identity);
        Assert.Equal("B", revision.Mark);
        Assert.Equal(new DateOnly(2026, 4, 25), revision.EffectiveDate);
    }

    [Fact]
    public void SingleOperationCard_IdentityNamesTheOperation()
    {
        var doc = new ParsedDocument(null, [])
        {
            Fields = new Dictionary<string, string>
            {
                [DocumentField.CardType] = "机械加工工序卡", [DocumentField.DrawingNumber] = "JD-2105-0318", [DocumentField.OperationNumber] = "60",
            },
        };
        Assert.Equal("JD-2105-0318 机械加工工序卡 OP60", DocumentClassifier.Classify(doc, "x").Revision.Identity);
    }

    [Theory]
    [InlineData("B", "B")]
    [InlineData("Rev. C", "C")]
    [InlineData("A/1", "A/1")]
    [InlineData("第2版", "2")]
    [InlineData("V3", "3")]
    [InlineData("见更改单", null)]
    public void RevisionCells_GiveTheBareMark(string cell, string? mark) =>
        Assert.Equal(mark, DocumentClassifier.FieldRevision(new Dictionary<string, string> { [DocumentField.Revision] = cell }));
}

public class DocumentClassifierStandardTests
{
    [Fact]
    public void Standard_CitingAnOperatingProcedureInItsBody_StaysAStandard()
    {
        var doc = new RagAssistant.Core.Documents.ParsedDocument("数控机床日常点检与润滑规范",
        [
            new RagAssistant.Core.Documents.ParagraphBlock("Q/JD 305—2025"),
            new RagAssistant.Core.Documents.ParagraphBlock("江东精密机械有限公司企业标准"),
            new RagAssistant.Core.Documents.HeadingBlock(1, "数控机床日常点检与润滑规范"),
            new RagAssistant.Core.Documents.ParagraphBlock("2025-11-20 发布 2026-01-01 实施"),
            new RagAssistant.Core.Documents.HeadingBlock(1, "2 规范性引用文件"),
            new RagAssistant.Core.Documents.ParagraphBlock("JD-OP-EQ-015 CK6150 数控车床操作规程。"),
        ]);
        var (kind, revision) = RagAssistant.Ingestion.Classification.DocumentClassifier.Classify(doc, "数控机床日常点检与润滑规范");
        Assert.Equal(RagAssistant.Core.Documents.DocumentKind.Standard, kind);
        Assert.Equal("Q/JD 305", revision.Identity);
        Assert.Equal(2025, revision.Year);
    }
}
