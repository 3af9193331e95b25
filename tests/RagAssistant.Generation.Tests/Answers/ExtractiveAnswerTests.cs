using RagAssistant.Core.Answers;

namespace RagAssistant.Generation.Tests.Answers;

/// <summary>The offline default: no LLM configured, answers quote the documents with citations, or abstain.</summary>
public sealed class ExtractiveAnswerTests : IAsyncLifetime
{
    private AnswerKnowledgeBase _kb = null!;

    public async Task InitializeAsync() => _kb = await AnswerKnowledgeBase.CreateAsync();

    public async Task DisposeAsync() => await _kb.DisposeAsync();

    [Fact]
    public async Task Question_IsAnsweredByQuotingTheSentence_WithItsCitation()
    {
        var answer = await _kb.Answerer.AnswerAsync(new AskRequest("M8 螺栓拧紧扭矩是多少？"));

        Assert.Equal(AnswerMode.Extractive, answer.Mode);
        Assert.Contains("只引用，不生成", answer.Answer);
        Assert.Contains("25±2 N·m", answer.Answer);
        Assert.Contains("[1]", answer.Answer);
        var citation = Assert.Single(answer.Citations, c => c.N == 1);
        Assert.EndsWith("WI-AS-021_扭矩紧固.md", citation.Source);
        Assert.Contains("25±2 N·m", citation.Text);
        Assert.Empty(answer.Checks.UnsupportedNumbers);
        Assert.Equal(0, answer.Checks.RemovedCitations);
        Assert.True(answer.Answer.Length <= 700, answer.Answer);
    }

    [Fact]
    public async Task QuestionAskingWhichSection_EachQuoteShowsTheSectionItStandsUnder()
    {
        // The quote alone does not say where it stands; the citation's locator is not part of the answer's text.
        var answer = await _kb.Answerer.AnswerAsync(new AskRequest("M10 螺栓的拧紧扭矩写在哪一节？"));

        Assert.Equal(AnswerMode.Extractive, answer.Mode);
        Assert.Contains("- （4 扭矩要求）", answer.Answer);
        Assert.Empty(answer.Checks.UnsupportedNumbers);
    }

    [Fact]
    public async Task QuestionNotAskingWhere_QuotesShowNoPlace()
    {
        var answer = await _kb.Answerer.AnswerAsync(new AskRequest("M10 螺栓拧紧扭矩是多少？"));

        Assert.DoesNotContain("（4 扭矩要求）", answer.Answer);
    }

    [Fact]
    public async Task Quoting_TakesRetrievalsOwnOrder_NotTheEvidenceReorderedOne()
    {
        // The answerer reads sentences and rows itself; sources already re-ordered by that reading would count it twice.
        await _kb.Answerer.AnswerAsync(new AskRequest("M8 螺栓拧紧扭矩是多少？"));

        Assert.False(Assert.Single(_kb.Searches).Evidence);
    }

    [Fact]
    public async Task EnglishQuestion_GetsAnEnglishQuote()
    {
        var answer = await _kb.Answerer.AnswerAsync(new AskRequest("What is the max spindle speed at 1.5 MPa chuck pressure?"));

        Assert.Equal(AnswerMode.Extractive, answer.Mode);
        Assert.StartsWith("Quoted from the sources", answer.Answer);
        Assert.Contains("1800 r/min", answer.Answer);
    }

    [Theory]
    [InlineData("M12 螺栓拧紧扭矩是多少？")]           // a thread the instruction does not list
    [InlineData("WI-AS-021 第 7.3 条是怎么规定的？")]   // a clause the instruction lacks
    [InlineData("渗氮件的表面硬度要求是多少？")]          // a process no document mentions
    [InlineData("支架总成装好后要跑合多长时间？")]        // a run-in no document mentions (跑合 is one word, not 跑 and 合)
    [InlineData("支架总成的质保期是多久？")]              // a warranty no document mentions (质保期 is one word, not 质保 and 期是)
    public async Task NearMissQuestions_Abstain_AndListTheClosestSources(string question)
    {
        var answer = await _kb.Answerer.AnswerAsync(new AskRequest(question));

        Assert.Equal(AnswerMode.Abstain, answer.Mode);
        Assert.StartsWith("资料中未找到答案", answer.Answer);
        Assert.Contains("最接近的资料", answer.Answer);
        Assert.NotEmpty(answer.Citations);
    }

    [Fact]
    public async Task AQuoteThatOnlyNamesWhatIsAskedAbout_IsNoAnswer()
    {
        // The procedure names the CK6150 and says nothing of its weight: quoting it would present a sentence about the
        // machine as the answer.
        var answer = await _kb.Answerer.AnswerAsync(new AskRequest("What is the weight of the CK6150?"));

        Assert.Equal(AnswerMode.Abstain, answer.Mode);
        Assert.StartsWith("The sources do not contain the answer", answer.Answer);
    }

    [Theory]
    [InlineData(true, AnswerMode.Abstain)]
    [InlineData(false, AnswerMode.Extractive)]
    public async Task AQuoteFromAnotherProductsDocument_IsNoAnswerForTheProductTheQuestionNames(bool abstainOnOtherSubject, string expected)
    {
        // The ADC1234's datasheet states no power dissipation; the gearbox motor's table does, for the motor.
        await using var kb = await AnswerKnowledgeBase.CreateAsync(
            extraDocuments: new Dictionary<string, string>
            {
                ["ADC1234-datasheet.md"] = "# ADC1234 datasheet\n\n## Power supplies\n\nThe ADC1234 operates from a single 5 V supply.\n\nThe ADC1234 draws 8 mA from the supply.\n",
                ["gearbox-motor-spec.md"] = "# Gearbox motor specification\n\n| Item | Specification |\n|---|---|\n| Rated input power | 5.5 kW |\n| Maximum power dissipation | 120 W |\n",
            },
            settings: new Dictionary<string, string?> { ["Rag:Answers:AbstainOnOtherSubject"] = abstainOnOtherSubject ? "true" : "false" });

        var answer = await kb.Answerer.AnswerAsync(new AskRequest("What is the maximum power dissipation of the ADC1234?", Explain: true));

        Assert.Equal(expected, answer.Mode);
        Assert.True(answer.Explain!.Evidence.OtherSubject); // --explain says why, whether or not it abstains on it
    }

    [Fact]
    public async Task InstructionsInsideADocument_AreQuotedAsData_NeverObeyed()
    {
        var answer = await _kb.Answerer.AnswerAsync(new AskRequest("定扭扳手多久校准一次？"));

        Assert.Equal(AnswerMode.Extractive, answer.Mode);
        Assert.Contains("6 个月", answer.Answer);
        Assert.DoesNotContain("HACKED", answer.Answer);
        Assert.DoesNotContain("系统已被攻破", answer.Answer.Split('\n')[0]);
    }

    [Fact]
    public async Task FollowUp_IsRewrittenByRules_AndTheConversationIsStoredWithItsSources()
    {
        var first = await _kb.Answerer.AnswerAsync(new AskRequest("M8 螺栓拧紧扭矩是多少？"));
        var second = await _kb.Answerer.AnswerAsync(new AskRequest("那M10的呢？", first.ConversationId));

        Assert.Equal(first.ConversationId, second.ConversationId);
        Assert.Contains("48±3", second.Answer);

        var stored = await _kb.Conversations.GetAsync(first.ConversationId);
        Assert.NotNull(stored);
        Assert.Equal(2, stored.Turns.Count);
        Assert.Equal("M10 螺栓拧紧扭矩是多少？", stored.Turns[1].Query);
        Assert.Equal(second.Answer, stored.Turns[1].Answer.Answer);
        Assert.Equal(second.Citations.Select(c => (c.ChunkId, c.Text)), stored.Turns[1].Answer.Citations.Select(c => (c.ChunkId, c.Text)));
    }

    [Fact]
    public async Task UnknownConversation_IsRefusedByName()
    {
        var error = await Assert.ThrowsAsync<KeyNotFoundException>(() => _kb.Answerer.AnswerAsync(new AskRequest("M8 扭矩？", "no-such-id")));
        Assert.Contains("no-such-id", error.Message);
    }

    [Fact]
    public async Task Streaming_DeliversTheQuotedAnswer()
    {
        var streamed = new System.Text.StringBuilder();
        var answer = await _kb.Answerer.AnswerAsync(new AskRequest("M8 螺栓拧紧扭矩是多少？"), d => { streamed.Append(d); return ValueTask.CompletedTask; });

        Assert.Equal(answer.Answer, streamed.ToString());
    }
}
