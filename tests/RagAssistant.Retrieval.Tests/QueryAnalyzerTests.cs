using RagAssistant.Core.Search;
namespace RagAssistant.Retrieval.Tests;

public class QueryAnalyzerTests
{
    [Theory]
    [InlineData("JD-2105 第60工序精车的转速", "zh")]
    [InlineData("What is the chuck pressure?", "en")]
    [InlineData("CK6150 的液压卡盘压力", "zh")]
    [InlineData("M8×1.25", "en")]
    public void Language_FollowsTheScript(string query, string language)
    {
        Assert.Equal(language, QueryAnalyzer.LanguageOf(query.ToLowerInvariant()));
    }

    [Fact]
    public void MatchExpression_QuotesEveryTerm()
    {
        Assert.Equal("\"a\"\"b\" OR \"near\"", AnalyzedQuery.MatchExpression(["a\"b", "near"]));
    }
}

public class FollowUpQueryTests
{
    [Theory]
    [InlineData("那M10的呢？")]
    [InlineData("What about the M10 bolts?")]
    [InlineData("和2021版比呢")]
    public void FollowUps_CarryThePreviousQuestion(string question)
    {
        Assert.StartsWith("M8 螺栓拧紧扭矩是多少？ ", FollowUpQuery.Compose(["M8 螺栓拧紧扭矩是多少？"], question));
    }

    [Fact]
    public void StandaloneQuestions_AreLeftAlone()
    {
        const string q = "CK6150 数控车床液压卡盘的夹紧压力范围是多少？";
        Assert.Equal(q, FollowUpQuery.Compose(["M8 螺栓拧紧扭矩是多少？"], q));
        Assert.Equal("那M10的呢？", FollowUpQuery.Compose([], "那M10的呢？"));
    }
}
