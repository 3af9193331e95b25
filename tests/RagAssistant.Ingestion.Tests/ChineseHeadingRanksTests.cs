using RagAssistant.Core.Documents;
using RagAssistant.Ingestion.Readers;

namespace RagAssistant.Ingestion.Tests;

/// <summary>Chinese numbered headings nest by the kinds a document uses, wherever its numbering starts.</summary>
public sealed class ChineseHeadingRanksTests
{
    private static List<(int Level, string Text)> Headings(string text) =>
        new PlainTextReader().Read(ReaderTestInput.For("doc.txt", text), default).Blocks.OfType<HeadingBlock>().Select(h => (h.Level, h.Text)).ToList();

    [Fact]
    public void AnAnnualReport_StartsAt第一节_WithItsOrdinalsUnderIt()
    {
        var headings = Headings("""
            第五节 重要事项

            十三、其它重要事项

            公司无其它重要事项。

            第六节 财务报告

            一、审计报告

            （一）审计意见
            """);
        Assert.Equal([(1, "第五节 重要事项"), (2, "十三、其它重要事项"), (1, "第六节 财务报告"), (2, "一、审计报告"), (3, "（一）审计意见")], headings);
    }

    [Fact]
    public void AHandbook_KeepsChaptersOverSections()
    {
        var headings = Headings("""
            第一章 设备维护

            第一节 日常点检

            一、点检项目
            """);
        Assert.Equal([1, 2, 3], headings.Select(h => h.Level));
    }

    [Fact]
    public void ANoticeNumberedOnlyWithOrdinals_StartsAtLevelOne()
    {
        var headings = Headings("""
            一、适用范围

            （一）本规定适用于机加车间

            二、职责
            """);
        Assert.Equal([1, 2, 1], headings.Select(h => h.Level));
    }

    [Fact]
    public void ArabicNumbers_RankBelowTheChineseKinds_WithTheirDottedDepth()
    {
        var headings = Headings("""
            第一节 会计政策

            一、应收款项

            1 单项金额重大的应收款项

            2 按组合计提坏账准备的应收款项

            2.1 账龄组合

            二、存货
            """);
        Assert.Equal([1, 2, 3, 3, 4, 2], headings.Select(h => h.Level));
    }

    [Fact]
    public void DecimalClausesUnderAChapter_AreItsChildren()
    {
        var headings = Headings("""
            第一章 LS-DYNA 简介

            1.1 发展概况

            1.1.1 早期版本

            第二章 单元库
            """);
        Assert.Equal([1, 2, 3, 1], headings.Select(h => h.Level));
    }

    [Fact]
    public void AStandardNumberedOnlyWithDecimals_IsLeftAsItIs()
    {
        var headings = Headings("""
            1 范围

            4 技术要求

            4.2.3 有效硬化层深度
            """);
        Assert.Equal([1, 1, 3], headings.Select(h => h.Level));
    }
}
