using RagAssistant.Core.Language;

namespace RagAssistant.Core.Tests;

public sealed class NumberTokensTests
{
    [Theory]
    [InlineData("(1)营业收入及营业成本")]
    [InlineData("（2）公司前五名客户的营业收入情况")]
    [InlineData("8、长期股权投资")]
    [InlineData("2) 检查液压油位")]
    [InlineData("- 2. For the journal")] // a numbered item quoted as a bullet of an answer
    public void AnItemMarkerAtTheStartOfALine_IsNoNumber(string line) => Assert.Empty(NumberTokens.In(line));

    [Fact]
    public void ANumberStartingALine_IsOne() => Assert.Equal(["1.5", "1800"], NumberTokens.In("1.5 MPa 时最高转速 1800 r/min").ToList());

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
