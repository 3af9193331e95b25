using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RagAssistant.Core.Answers;
using RagAssistant.Web.Tests.EndToEnd.Pages;
using RagAssistant.Web.Tests.Hosting;

namespace RagAssistant.Web.Tests.EndToEnd;

[Collection(WebAppCollection.Name)]
public sealed class AskPageTests(WebAppFixture app, BrowserFixture browser) : BrowserTest(app, browser)
{
    [SkippableFact]
    public async Task Ask_StreamsAnExtractiveAnswerWithQuotedBadgeAndCitations()
    {
        var ask = new AskPage(Page, Circuit);
        await ask.OpenAsync();

        var turn = await ask.AskAsync("JD-2105-0318 第60工序主轴转速是多少？");

        await Expect(turn.Question).ToHaveTextAsync("JD-2105-0318 第60工序主轴转速是多少？");
        await Expect(turn.AnswerText).Not.ToBeEmptyAsync();
        await Expect(turn.QuotedBadge).ToBeVisibleAsync();
        await Expect(turn.CitationChips.First).ToBeVisibleAsync();
        await Expect(turn.InsufficientEvidence).ToHaveCountAsync(0);
        // The citation chips still work after the page moved to the conversation's address (/c/{id}).
        await turn.CitationChips.First.ClickAsync();
        await Expect(ask.Source.Title).ToBeVisibleAsync();
        await Expect(ask.CircuitError).ToBeHiddenAsync();
    }

    [SkippableFact]
    public async Task Conversation_ReopenedShowsTheSameAnswerAndSources()
    {
        var ask = new AskPage(Page, Circuit);
        await ask.OpenAsync();
        const string question = "CK6150 数控车床每班点检哪些项目？";
        var turn = await ask.AskAsync(question);
        var answer = await turn.AnswerText.InnerTextAsync();
        var chips = await turn.CitationChips.AllInnerTextsAsync();
        Assert.NotEmpty(chips);

        await ask.NavAsk.ClickAsync();
        await Expect(ask.Turns).ToHaveCountAsync(0);
        await ask.ConversationItems.Filter(new() { HasText = question }).First.ClickAsync();

        await Expect(ask.Turns).ToHaveCountAsync(1);
        var reopened = new AnswerTurn(ask.LastTurn);
        await Expect(reopened.Question).ToHaveTextAsync(question);
        await Expect(reopened.AnswerText).ToHaveTextAsync(answer);
        await Expect(reopened.CitationChips).ToHaveTextAsync(chips.ToArray());
    }

    [SkippableFact]
    public async Task Followup_UsesTheConversation()
    {
        var ask = new AskPage(Page, Circuit);
        await ask.OpenAsync();
        await ask.AskAsync("JD-2105-0318 输出轴第30工序的内容是什么？");

        var followup = await ask.AskAsync("那第40工序呢？");

        await Expect(followup.InsufficientEvidence).ToHaveCountAsync(0);
        await Expect(followup.AnswerText).ToContainTextAsync("第40工序");
        await Expect(followup.CitationChips.First).ToBeVisibleAsync();
        var conversation = await AnswerLookup.ConversationAsync(App.Services, Page);
        Assert.Equal(2, conversation.Turns.Count);
        Assert.Contains(conversation.Turns[1].Answer.Citations, c => c.Text.Contains("工序号: 40", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Feedback_IsStoredWithTheAnswer()
    {
        var ask = new AskPage(Page, Circuit);
        await ask.OpenAsync();
        var turn = await ask.AskAsync("JD-2105-0318 第60工序主轴转速是多少？");

        await turn.ThumbsDown.ClickAsync();
        await turn.FeedbackComment.FillAsync("转速与现场工序卡不一致");
        await turn.FeedbackSubmit.ClickAsync();

        await Expect(turn.FeedbackSaved).ToContainTextAsync("转速与现场工序卡不一致");
        // The saved text shows as soon as the bar closes; the store write finishes just after: poll, briefly.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        ConversationTurn stored;
        do
        {
            stored = (await AnswerLookup.ConversationAsync(App.Services, Page)).Turns.Single();
            if (stored.Comment is not null || DateTime.UtcNow > deadline) break;
            await Task.Delay(100);
        } while (true);
        Assert.Equal(-1, stored.Rating);
        Assert.Equal("转速与现场工序卡不一致", stored.Comment);
    }

    [SkippableFact]
    public async Task Abstention_ShowsInsufficientEvidence()
    {
        var ask = new AskPage(Page, Circuit);
        await ask.OpenAsync();

        var turn = await ask.AskAsync("JD-9999-0001 第60工序转速是多少？");

        await Expect(turn.InsufficientEvidence).ToBeVisibleAsync();
        await Expect(turn.QuotedBadge).ToHaveCountAsync(0);
    }

    [SkippableFact]
    public async Task WorkshopScreen_ShowsTheQuestionBoxAndSendWithoutHorizontalScrolling()
    {
        var ask = new AskPage(Page, Circuit);
        await ask.OpenAsync();

        await Expect(ask.QuestionBox).ToBeInViewportAsync();
        await Expect(ask.Send).ToBeInViewportAsync();
        var scrollWidth = await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 1366, $"the page is {scrollWidth}px wide at 1366×768");
    }
}
