using RagAssistant.Ingestion.Readers;

namespace RagAssistant.Ingestion.Tests;

public class NumberedHeadingTests
{
    [Theory]
    [InlineData("4 技术要求", 1, "4")]
    [InlineData("4.2.3 有效硬化层深度", 3, "4.2.3")]
    [InlineData("4.2.3有效硬化层深度", 3, "4.2.3")]
    [InlineData("第三章 设备维护", 1, "第三章")]
    [InlineData("第十二条 安全要求", 3, "第十二条")]
    [InlineData("附录A 硬度换算表", 1, "附录A")]
    [InlineData("Annex B (informative) Examples", 1, "Annex B")]
    [InlineData("一、总则", 1, "一")]
    [InlineData("（二）检验", 2, "二")]
    [InlineData("5.1 Pre-start checks", 2, "5.1")]
    [InlineData("4.2.3", 3, "4.2.3")]
    [InlineData("3 (informative) Examples", 1, "3")]
    [InlineData("1.3 其他充电条件(模式) Other charge Conditions", 2, "1.3")]
    public void Recognises(string line, int level, string number)
    {
        Assert.True(NumberedHeading.TryParse(line, out var l, out var n));
        Assert.Equal(level, l);
        Assert.Equal(number, n);
    }

    [Theory]
    [InlineData("1. 检查油位")]                                  // a numbered step, not a clause
    [InlineData("2026-01-15 发布")]
    [InlineData("4.2 The surface hardness shall be 58–63 HRC after tempering at 180 °C for two hours in the furnace.")] // too long
    [InlineData("3 件/炉，抽检表面硬度。")]                          // ends like a sentence
    [InlineData("950 r/min")]
    [InlineData("10 –60.00")]                                      // a graph's axis labels
    [InlineData("0.0 30")]
    [InlineData("20 100 1k 10k 20k")]
    [InlineData("0.0")]
    [InlineData("0.200")]
    public void Rejects(string line)
    {
        Assert.False(NumberedHeading.TryParse(line, out _, out _));
    }
}

public class NumberedHeadingPdfTests
{
    [Theory]
    [InlineData("4.2.3 渗碳件淬火后应在 2 h 内回火。", 3, "4.2.3")]
    [InlineData("第十二条 操作者应持证上岗，并按规定穿戴劳保用品。", 3, "第十二条")]
    public void LeadingClauseNumber_OfAClauseWithoutTitle_IsFound(string line, int level, string number)
    {
        Assert.True(NumberedHeading.TryParseLeadingClause(line, out var l, out var n));
        Assert.Equal((level, number), (l, n));
    }

    [Theory]
    [InlineData("3 件/炉，抽检表面硬度。")]
    [InlineData("2026 年起执行。")]
    public void LeadingSingleNumber_IsAQuantity_NotAClause(string line) =>
        Assert.False(NumberedHeading.TryParseLeadingClause(line, out _, out _));

    [Theory]
    [InlineData("0.0 30 1k 10k")]
    [InlineData("20.000 10.000 1.000")]
    [InlineData("1.380 (35.05) 1.345 (34.16)")]
    public void AGraphsAxisLabels_OpenNoClause(string line) =>
        Assert.False(NumberedHeading.TryParseLeadingClause(line, out _, out _));

    [Fact]
    public void BareClauseNumber_IsItsOwnLocator() => Assert.Equal("4.2.3", NumberedHeading.ClauseNumberOf("4.2.3"));

    [Theory]
    [InlineData("表1 轴类零件典型特征加工要求", "1")]
    [InlineData("表 A.1 硬度换算", "A.1")]
    [InlineData("Table 4 Alarm codes", "4")]
    [InlineData("Table 2 – Maintenance schedule", "2")]
    [InlineData("Table 2. Molecular gases", "2")]
    [InlineData("Table 3.1. Liquids", "3.1")]
    public void TableCaptions_AreRecognised(string line, string number)
    {
        Assert.True(NumberedHeading.TryParseTableCaption(line, out var n));
        Assert.Equal(number, n);
    }

    [Theory]
    [InlineData("Figure 26. A 16-Input, 2-Output Mixer")]
    [InlineData("Fig. 3 Transition in SF6")]
    [InlineData("图 2-4 产品系统功能层次再制造分解示意框图")]
    public void FigureCaptions_AreRecognised(string line) => Assert.True(NumberedHeading.IsFigureCaption(line));

    [Fact]
    public void ProseMentioningATable_IsNotACaption() =>
        Assert.False(NumberedHeading.TryParseTableCaption("Table 3 lists the preventive maintenance tasks and their intervals, which the technician records in the log.", out _));

    [Theory]
    [InlineData("8、长期股权投资", true)]
    [InlineData("(1)存货分类", true)]
    [InlineData("（2）按成本计量的投资性房地产", true)]
    [InlineData("1 期末单项金额重大的应收账款", true)]
    [InlineData("3 件", false)]                                       // a count
    [InlineData("(1)2010年度", false)]                                // a period
    [InlineData("1、请查阅保单细则及有关文件,确保该项索偿已纳入为承保范围之内。", false)] // a sentence
    [InlineData("项目", false)]
    public void NumberedItemTitle_IsAReportsNumberedItemName(string text, bool title) =>
        Assert.Equal(title, NumberedHeading.IsNumberedItemTitle(text));
}
