using RagAssistant.Core.Relevance;
using RagAssistant.Generation.Extractive;

namespace RagAssistant.Generation.Tests.Answering;

public sealed class QuestionTermsTests
{
    private static double Weight(string question, string term, RelevanceOptions? weights = null) =>
        QuestionTerms.From(TestSources.Analyzer.Analyze(question), null, TestSources.Analyzer, weights).Terms.First(t => t.Term == term).Weight;

    [Theory]
    [InlineData("渗碳温度是多少？", "温度", 1.0)] // a short word
    [InlineData("首件检验由谁批准？", "首件检验", 2.0)] // two characters beyond: 1 + 2 × 0.5
    [InlineData("Who approves the inspection report?", "inspection", 2.0)] // six letters beyond: 1 + 6 / 3 × 0.5
    [InlineData("Who approves the inspection report?", "report", 1.0 + 2 / 3.0 * 0.5)]
    public void ALongerWord_WeighsMore_UpToTwo(string question, string term, double weight) =>
        Assert.Equal(weight, Weight(question, term), 6);

    [Fact]
    public void TheLengthWeights_ComeFromRelevanceOptions()
    {
        var weights = new RelevanceOptions { TermLengthWeight = 0.25, TermLengthMaxWeight = 0.4, ShortChineseTermChars = 3 };
        Assert.Equal(1.25, Weight("首件检验由谁批准？", "首件检验", weights), 6);
        Assert.Equal(1.4, Weight("Who approves the inspection report?", "inspection", weights), 6);
    }

    [Theory]
    [InlineData("What bad-debt provision rate applies to receivables aged 4–5 years?", "坏账准备", new[] { "bad", "debt", "provision" })]
    [InlineData("What bad-debt provision rate applies to receivables aged 4–5 years?", "账龄", new[] { "receivables", "aged" })]
    [InlineData("What was the total number of shareholders in June?", "股东总数", new[] { "number", "shareholders" })]
    [InlineData("How many shareholders did the company have at the end of June?", "股东总数", new[] { "shareholders" })]
    [InlineData("How many teeth does the intermediate gear have?", "齿数", new[] { "teeth" })]
    public void AGlossaryPhrase_TranslatesEveryWordOfIt(string question, string expansion, string[] words)
    {
        // "bad debt provision" is 坏账准备 as a whole: neither "bad" nor "debt" alone has a translation, and the row saying
        // 坏账准备 answers for every word of it, not for "provision" alone.
        var terms = QuestionTerms.From(TestSources.Analyzer.Analyze(question), null, TestSources.Analyzer).Terms;
        var translated = Assert.Single(terms, t => t.Term == expansion && t.IsExpansion);
        Assert.Equal(words.Order(), translated.Translates!.Order());
    }
}
