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
    public void Rejects(string line)
    {
        Assert.False(NumberedHeading.TryParse(line, out _, out _));
    }
}
