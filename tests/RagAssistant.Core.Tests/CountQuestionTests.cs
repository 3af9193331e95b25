using RagAssistant.Core.Language;

namespace RagAssistant.Core.Tests;

public class CountQuestionTests
{
    [Theory]
    [InlineData("how many teeth does the gear have?", "number of teeth does the gear have")]
    [InlineData("jd-2105 中间齿轮 how many teeth", "jd number of teeth")]
    [InlineData("what is the number of teeth", "what is the number of teeth")]
    public void HowMany_IsReadAsNumberOf_InTheEnglishWords(string folded, string expected) =>
        Assert.Equal(expected, CountQuestion.EnglishAsNumberOf(folded));
}
