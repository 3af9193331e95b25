using Microsoft.Extensions.Options;
using RagAssistant.Core.Relevance;

namespace RagAssistant.Retrieval.Tests;

/// <summary>
/// What makes a question a follow-up, and how long the words it swaps are, are options of <c>Rag:Relevance</c>
/// (<see cref="FollowUpQuery"/>): the defaults are the numbers the code held, and each changes how a follow-up is read.
/// </summary>
public sealed class FollowUpOptionsTests
{
    private static QueryAnalyzer Analyzer(RelevanceOptions options) =>
        new(new Text.ManufacturingSegmenter(Options.Create(new RetrievalOptions())), Text.Glossary.Load([]), Options.Create(options));

    [Fact]
    public void TheDefaults_AreTheNumbersTheCodeHeld()
    {
        var options = new RelevanceOptions();
        Assert.Equal((12, 5, 4, 6), (options.FollowUpMaxChineseChars, options.FollowUpMaxEnglishWords, options.FollowUpTermChars, options.FollowUpReplacedTermChars));
    }

    [Fact]
    public void AChineseQuestion_OfAtMostFollowUpMaxChineseChars_IsAFollowUp()
    {
        const string previous = "2026 版热处理标准渗碳件表面硬度是多少？";
        const string question = "渗碳层深度是多少？"; // 8 characters, no referring word
        Assert.Equal(previous + " " + question, FollowUpQuery.Compose([previous], question));
        Assert.Equal(question, FollowUpQuery.Compose([previous], question, options: new RelevanceOptions { FollowUpMaxChineseChars = 7 }));
    }

    [Fact]
    public void AnEnglishQuestion_OfAtMostFollowUpMaxEnglishWords_IsAFollowUp()
    {
        const string previous = "What spindle speed does the CK6150 lathe allow?";
        const string question = "Torque of the cover bolts?"; // 5 words, no referring word
        Assert.Equal(previous + " " + question, FollowUpQuery.Compose([previous], question));
        Assert.Equal(question, FollowUpQuery.Compose([previous], question, options: new RelevanceOptions { FollowUpMaxEnglishWords = 4 }));
    }

    [Fact]
    public void TheWordAFollowUpNames_IsARunOfAtMostFollowUpTermChars()
    {
        // 不良率 (three characters) replaces 合格率; read two characters at a time, 不良 and 良率 complete no term of the question.
        Assert.Equal("输出轴的不良率是多少？", Analyzer(new RelevanceOptions()).ComposeFollowUp(["输出轴的合格率是多少？"], "不良率呢？"));
        Assert.Equal("输出轴的合格率是多少？ 不良率呢？", Analyzer(new RelevanceOptions { FollowUpTermChars = 2 }).ComposeFollowUp(["输出轴的合格率是多少？"], "不良率呢？"));
    }

    [Fact]
    public void TheTermAFollowUpReplaces_IsAtMostFollowUpReplacedTermCharsLong()
    {
        // 心部 takes the head of 表面硬度 (four characters); no shorter term of the question is of its kind.
        const string previous = "2026 版热处理标准渗碳件表面硬度是多少？";
        Assert.Equal("2026 版热处理标准渗碳件心部硬度是多少？", Analyzer(new RelevanceOptions()).ComposeFollowUp([previous], "心部呢？"));
        Assert.Equal(previous + " 心部呢？", Analyzer(new RelevanceOptions { FollowUpReplacedTermChars = 3 }).ComposeFollowUp([previous], "心部呢？"));
    }
}
