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
        Assert.Equal(language, RagAssistant.Core.Text.TextLanguage.Of(query));
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
    [InlineData("和2021版比呢")]
    [InlineData("还有吗？")]
    public void FollowUps_CarryThePreviousQuestion(string question)
    {
        Assert.StartsWith("M8 螺栓拧紧扭矩是多少？ ", FollowUpQuery.Compose(["M8 螺栓拧紧扭矩是多少？"], question));
    }

    [Theory]
    [InlineData("M8 螺栓拧紧扭矩是多少？", "那M10的呢？", "M10 螺栓拧紧扭矩是多少？")]
    [InlineData("JD-2105-0318 第60工序的主轴转速是多少？", "那第40工序呢？", "JD-2105-0318 第40工序的主轴转速是多少？")]
    [InlineData("Q/JD 105—2026 里 40Cr 调质硬度要求多少？", "42CrMo 呢？", "Q/JD 105—2026 里 42CrMo 调质硬度要求多少？")]
    [InlineData("On the CK6150, what's the max spindle speed at 1.2 MPa chuck pressure?", "And at 1.8 MPa?", "On the CK6150, what's the max spindle speed at 1.8 MPa chuck pressure?")]
    [InlineData("What does alarm 2001 mean on the CK6150?", "And alarm 4010?", "What does alarm 4010 mean on the CK6150?")]
    public void FollowUps_ThatNameANewSlotValue_ReplaceItInThePreviousQuestion(string previous, string followUp, string expected)
    {
        Assert.Equal(expected, FollowUpQuery.Compose([previous], followUp));
    }

    [Theory]
    [InlineData("中间齿轮 JD-2105-0422 滚齿工序的检验频次是什么？", "剃齿呢？", "中间齿轮 JD-2105-0422 剃齿工序的检验频次是什么？")]
    [InlineData("输出轴粗车的转速是多少？", "那精车呢？", "输出轴精车的转速是多少？")]
    [InlineData("2026 版热处理标准渗碳件表面硬度是多少？", "心部呢？", "2026 版热处理标准渗碳件心部硬度是多少？")]
    public void FollowUp_NamingATermOfTheSameKind_ReplacesIt(string previous, string followUp, string expected)
    {
        // The real segmenter's manufacturing dictionary says which words are terms; 间齿 of 中间齿轮 is none.
        var analyzer = new QueryAnalyzer(new Text.ManufacturingSegmenter(Microsoft.Extensions.Options.Options.Create(new RetrievalOptions())), Text.Glossary.Load([]));
        Assert.Equal(expected, analyzer.ComposeFollowUp([previous], followUp));
    }

    [Fact]
    public void FollowUp_NamingNoTermOfAKindThePreviousQuestionHas_CarriesIt()
    {
        var analyzer = new QueryAnalyzer(new Text.ManufacturingSegmenter(Microsoft.Extensions.Options.Options.Create(new RetrievalOptions())), Text.Glossary.Load([]));
        Assert.Equal("渗碳件表面硬度是多少？ 有什么要求呢？", analyzer.ComposeFollowUp(["渗碳件表面硬度是多少？"], "有什么要求呢？"));
    }

    [Fact]
    public void StandaloneQuestions_AreLeftAlone()
    {
        const string q = "CK6150 数控车床液压卡盘的夹紧压力范围是多少？";
        Assert.Equal(q, FollowUpQuery.Compose(["M8 螺栓拧紧扭矩是多少？"], q));
        Assert.Equal("那M10的呢？", FollowUpQuery.Compose([], "那M10的呢？"));
    }
}
