using RagAssistant.Core.Documents;
using static RagAssistant.Ingestion.Tests.OfficeTestFiles;

namespace RagAssistant.Ingestion.Tests;

public class DocxReaderTests
{
    [Fact]
    public void WorkInstruction_HeadingsFromStylesAndNumberedStepsWithTheirNumbers()
    {
        var doc = Read(Corpus("WI-AS-022_减速器箱盖扭矩紧固_作业指导书.docx"));
        Assert.Equal("JD-2105 减速器箱盖装配扭矩紧固作业指导书", doc.Title);
        Assert.Contains(doc.Blocks, b => b is HeadingBlock { Level: 1, Text: "3 作业步骤" });
        Assert.Contains(doc.Blocks, b => b is ParagraphBlock { Text: "1. 清洁箱体与箱盖结合面，不得有油污、切屑和旧胶。" });
        Assert.Contains(doc.Blocks, b => b is ParagraphBlock { Text: var t } && t.StartsWith("4. 按对角顺序", StringComparison.Ordinal));
        Assert.Contains(doc.Blocks, b => b is ParagraphBlock { Text: var t } && t.StartsWith("b) 数显扭矩扳手", StringComparison.Ordinal));
        // numId 3 restarts at 1 with its own counter, even though it shares the abstract list with numId 1
        Assert.Contains(doc.Blocks, b => b is ParagraphBlock { Text: var t } && t.StartsWith("1. 每班首件", StringComparison.Ordinal));
    }

    [Fact]
    public void TorqueTable_KeepsItsHeaderAndCitesTableRows()
    {
        var doc = Read(Corpus("WI-AS-022_减速器箱盖扭矩紧固_作业指导书.docx"));
        var torque = Assert.Single(doc.Blocks.OfType<TableBlock>(), t => t.Header.Contains("扭矩 N·m"));
        Assert.Equal(["位置", "螺栓规格", "数量", "扭矩 N·m", "工具", "拧紧顺序"], torque.Header);
        Assert.Equal("table 2 row 2", torque.Rows[0].Locator);
        Assert.Equal("48±3", torque.Rows[0].Cells[3]);
    }

    [Fact]
    public void PageHeader_IsNotPartOfTheBody()
    {
        var doc = Read(Corpus("WI-MC-031_OP60刀片更换与首件检验_作业指导书.docx"));
        Assert.DoesNotContain("受控文件", AllText(doc));
    }

    [Fact]
    public void WorkInstruction_IdentityAndRevisionFromItsParagraphs()
    {
        var doc = Read(Corpus("WI-MC-031_OP60刀片更换与首件检验_作业指导书.docx"));
        var (kind, revision) = Classification.DocumentClassifier.Classify(doc, doc.Title!);
        Assert.Equal(DocumentKind.WorkInstruction, kind);
        Assert.Equal(("WI-MC-031", "B"), (revision.Identity, revision.Mark));
    }

    [Fact]
    public void ProcessCard_RecognisedFieldsDriveIdentity()
    {
        var doc = Read(Corpus("JD-2105-0318_输出轴_工艺过程卡_RevB.docx"));
        Assert.Equal("JD-2105-0318", doc.Fields[DocumentField.PartNumber]);
        Assert.Equal("机械加工工艺过程卡", doc.Fields[DocumentField.CardType]);
        Assert.Equal("B", doc.Fields[DocumentField.Revision]);
        Assert.Equal("2026-04-25", doc.Fields[DocumentField.EffectiveDate]);
    }
}
