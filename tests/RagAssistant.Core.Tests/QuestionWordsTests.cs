using RagAssistant.Core.Language;

namespace RagAssistant.Core.Tests;

public sealed class QuestionWordsTests
{
    [Theory]
    [InlineData("的")]
    [InlineData("什么")]
    [InlineData("多少")]
    [InlineData("如何")]
    [InlineData("请问")]
    [InlineData("the")]
    [InlineData("what")]
    [InlineData("how")]
    [InlineData("according")] // "according to the manual" frames the question
    [InlineData("into")]
    public void IsFraming_TheListedWordsOfQuestionWordsTxt(string term) => Assert.True(QuestionWords.IsFraming(term));

    [Theory]
    [InlineData("扭矩")]
    [InlineData("首件检验")]
    [InlineData("torque")]
    [InlineData("怎么办")] // an interrogative, but not a listed word: IsFunctionWord reads it from the pattern
    [InlineData("The")] // the list holds folded words; terms are folded before they are looked up
    public void IsFraming_NotForWordsOutsideTheList(string term) => Assert.False(QuestionWords.IsFraming(term));

    [Theory]
    [InlineData("多少")]
    [InlineData("多厚")]
    [InlineData("多久")]
    [InlineData("怎么办")]
    [InlineData("哪台")]
    [InlineData("哪些")]
    [InlineData("那些")]
    [InlineData("自己")]
    [InlineData("为什么")]
    [InlineData("the")]
    [InlineData("which")]
    [InlineData("many")] // how many: the count is asked, "many" is not what it is about
    [InlineData("much")]
    public void IsFunctionWord_InterrogativesPronounsAndFramingWords(string term) => Assert.True(QuestionWords.IsFunctionWord(term));

    [Theory]
    [InlineData("扭矩")]
    [InlineData("转速")]
    [InlineData("渗碳")]
    [InlineData("多轴")]
    [InlineData("这道工序")]
    [InlineData("torque")]
    [InlineData("op60")]
    public void IsFunctionWord_NotForWordsSayingWhatTheQuestionIsAbout(string term) => Assert.False(QuestionWords.IsFunctionWord(term));

    [Fact]
    public void TheDataFile_SkipsItsComments()
    {
        Assert.True(QuestionWords.Count > 50);
        Assert.False(QuestionWords.IsFraming("# English function words"));
        Assert.False(QuestionWords.IsFraming(""));
    }
}
