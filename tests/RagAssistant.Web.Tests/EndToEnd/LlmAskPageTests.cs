using RagAssistant.Web.Localization;
using RagAssistant.Web.Tests.EndToEnd.Pages;

namespace RagAssistant.Web.Tests.EndToEnd;

/// <summary>The chat with an LLM configured: the answer streams in live, is badged as the model's, and can be stopped.</summary>
[Collection(SmallWebAppCollection.Name)]
public sealed class LlmAskPageTests(SmallWebAppFixture app, BrowserFixture browser) : SmallAppBrowserTest(app, browser)
{
    private const string Question = "M8 螺栓拧紧扭矩是多少？";

    [SkippableFact]
    public async Task Ask_WithAnLlm_StreamsTheAnswerAndShowsTheLlmBadge()
    {
        var ask = new AskPage(Page, Circuit);
        await ask.OpenAsync();
        // A second between deltas: the check that the number has not arrived yet must not race a busy CI machine.
        App.Llm.EnqueueStream(TimeSpan.FromSeconds(1), "支架总成 ", "M8×1.25 螺栓", "拧紧扭矩为 ", "25±2 N·m", " [1]。");

        var turn = await SendAsync(ask, Question);

        // A partial answer is on screen while the model is still writing.
        await Expect(turn.AnswerText).ToContainTextAsync("M8×1.25 螺栓");
        Assert.DoesNotContain("25±2", await turn.AnswerText.InnerTextAsync());
        await Expect(turn.Finished).ToBeVisibleAsync();
        await Expect(turn.AnswerText).ToContainTextAsync("拧紧扭矩为 25±2 N·m");
        await Expect(turn.Root.GetByTestId("llm-badge")).ToBeVisibleAsync();
        await Expect(turn.QuotedBadge).ToHaveCountAsync(0);
        await Expect(turn.Chip(1)).ToBeVisibleAsync();

        await turn.Chip(1).ClickAsync();

        await Expect(ask.Source.Root).ToBeVisibleAsync();
        await Expect(ask.Source.Root).ToContainTextAsync("WI-AS-021");
        await Expect(ask.Source.Root).ToContainTextAsync("25±2 N·m");
    }

    [SkippableFact]
    public async Task Stop_CancelsAStreamingAnswer()
    {
        var ask = new AskPage(Page, Circuit);
        await ask.OpenAsync();
        App.Llm.EnqueueStream(TimeSpan.FromMilliseconds(500), Enumerable.Range(1, 20).Select(i => $"第{i}段。").ToArray());

        var turn = await SendAsync(ask, Question);
        await Expect(turn.AnswerText).ToContainTextAsync("第1段。");

        await Page.GetByTestId("stop").ClickAsync();

        await Expect(turn.Error).ToBeVisibleAsync();
        await Expect(turn.Error).ToContainTextAsync(UiText.Chinese.Stop);
        Assert.DoesNotContain("第20段。", await turn.Root.InnerTextAsync());
        await Expect(Page.GetByTestId("stop")).ToHaveCountAsync(0);
        await ask.QuestionBox.FillAsync("还能再问吗？");
        await Expect(ask.Send).ToBeEnabledAsync();
    }

    /// <summary>Types and sends the question without waiting for the answer; returns its turn.</summary>
    private static async Task<AnswerTurn> SendAsync(AskPage ask, string question)
    {
        var before = await ask.Turns.CountAsync();
        await ask.QuestionBox.FillAsync(question);
        await Expect(ask.Send).ToBeEnabledAsync();
        await ask.Send.ClickAsync();
        await Expect(ask.Turns).ToHaveCountAsync(before + 1);
        return new AnswerTurn(ask.Turns.Nth(before));
    }
}
