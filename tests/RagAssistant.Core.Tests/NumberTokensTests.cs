using RagAssistant.Core.Language;

namespace RagAssistant.Core.Tests;

public sealed class NumberTokensTests
{
    [Fact]
    public void Numbers_AreReadAsWritten_WithoutThousandsSeparatorsOrListMarkers()
    {
        Assert.Equal(["1629190", "0.10", "2"], NumberTokens.In("1. 持有 1,629,190 股，进给 0.10 mm/r，共 2 次").ToList());
    }

    [Theory]
    [InlineData("7500万元担保什么时候到期？", "7500", "75000000")]
    [InlineData("营业收入 1.5 亿元", "1.5", "150000000")]
    [InlineData("短期借款 2,300万", "2300", "23000000")]
    public void NumbersWrittenIn万Or亿_AlsoReadAsThePlainNumber(string text, string written, string plain)
    {
        Assert.Equal(plain, NumberTokens.Scaled(text)[written]);
    }

    [Fact]
    public void NumbersWithoutAnOrderOfMagnitude_HaveNoScaledForm()
    {
        Assert.Empty(NumberTokens.Scaled("拧紧扭矩 48 N·m，7500 r/min"));
    }
}
