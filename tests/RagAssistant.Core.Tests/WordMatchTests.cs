using RagAssistant.Core.Text;

namespace RagAssistant.Core.Tests;

public class WordMatchTests
{
    [Theory]
    [InlineData("the oil is changed", "oil", true)]
    [InlineData("boil the water", "oil", false)]
    [InlineData("oils and greases", "oil", true)]
    public void Contains_FindsALatinTermOnlyWhereAWordStarts(string text, string term, bool found) =>
        Assert.Equal(found, WordMatch.Contains(text, term));

    [Theory]
    [InlineData("h2 and n2 were measured", "h2", true)]
    [InlineData("property/liquids h2o d2o", "h2", false)]
    [InlineData("含有 “r” 的三角形", "r", true)]
    [InlineData("ra 1.6, r1 圆角", "r", false)]
    public void ContainsToken_FindsATermOnlyWithNoLetterOrDigitEitherSide(string text, string term, bool found) =>
        Assert.Equal(found, WordMatch.ContainsToken(text, term));
}
