using RagAssistant.Core.Text;

namespace RagAssistant.Core.Tests;

public class ApproximateTokenCounterTests
{
    private readonly ApproximateTokenCounter _counter = new();

    [Fact]
    public void ChineseCharacters_CountOneEach()
    {
        Assert.Equal(4, _counter.CountTokens("精车转速"));
    }

    [Fact]
    public void ShortEnglishWords_CountOneEach_LongWordsMore()
    {
        Assert.Equal(3, _counter.CountTokens("the main speed"));
        Assert.True(_counter.CountTokens("electroluminescence") >= 3);
    }

    [Fact]
    public void NumbersAndPunctuation_AreTokens()
    {
        // "950" "r" "/" "min"
        Assert.Equal(4, _counter.CountTokens("950 r/min"));
    }

    [Fact]
    public void EmptyText_IsZero()
    {
        Assert.Equal(0, _counter.CountTokens("  \n"));
    }
}
