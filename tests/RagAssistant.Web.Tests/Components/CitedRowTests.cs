using RagAssistant.Web.Components.Sources;

namespace RagAssistant.Web.Tests.Components;

public sealed class CitedRowTests
{
    private const string CardRow =
        "零件号: JD-2105-0318 | 零件名称: 输出轴 | 工序号: 60 | 工序名称: 精车Φ35k6轴颈 | 刀具: VNMG160404 | 主轴转速 r/min: 800 | 进给量 mm/r: 0.08";

    [Fact]
    public void TheAskedCell_IsTheOneWhoseLabelTheQuestionNames()
    {
        var row = CitedRow.Read(CardRow, "JD-2105-0318 第60工序的转速是多少？")!;

        var asked = Assert.Single(row.Cells, c => c.Asked);
        Assert.Equal("主轴转速 r/min", asked.Label);
        Assert.Equal(["800"], row.AskedValues);
    }

    [Fact]
    public void KeyCells_ThatTheQuestionNamesByValue_AreNotTheAskedOnes()
    {
        // 工序 is in the question, but its value 60 is too: that cell found the row, it is not what is asked.
        var row = CitedRow.Read("工序号: 60\n工序名称: 精车\n设备: CK6150-03", "第60工序用什么设备？")!;

        Assert.Equal(["设备"], row.Cells.Where(c => c.Asked).Select(c => c.Label));
    }

    [Fact]
    public void ARowWithoutALabelTheQuestionNames_HasNoAskedCell() =>
        Assert.Empty(CitedRow.Read("工序号: 60\n设备: CK6150-03", "这张卡片是谁批准的？")!.AskedValues);

    [Theory]
    [InlineData("主轴轴承更换：先断电，再拆下防护罩。")]
    [InlineData("转速: 800")]
    [InlineData("See note 3: the torque applies to dry threads.\nIt is checked weekly.")]
    public void TextThatIsNotARow_IsShownAsQuoted(string text) => Assert.Null(CitedRow.Read(text, "转速"));
}
