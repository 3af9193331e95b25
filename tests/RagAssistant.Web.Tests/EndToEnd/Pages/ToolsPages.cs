using Microsoft.Playwright;

namespace RagAssistant.Web.Tests.EndToEnd.Pages;

/// <summary>The feedback review page at /admin/feedback: 👎 answers, each with its mark form, and the export button.</summary>
public sealed class FeedbackReviewPage(IPage page, BlazorCircuit circuit) : AppPage(page, circuit)
{
    public Task OpenAsync() => OpenAsync("/admin/feedback");

    public ILocator Item(long turn) => Page.Locator($"[data-testid=feedback-item][data-turn='{turn}']");

    public ILocator Export => Page.GetByTestId("feedback-export");

    /// <summary>The input of a MudTextField inside an item (the test id sits on the input or on its wrapper).</summary>
    public static ILocator Field(ILocator item, string testId) => item.Locator($"input[data-testid={testId}], [data-testid={testId}] input").First;
}

/// <summary>The retrieval test page at /retrieval.</summary>
public sealed class RetrievalTestPage(IPage page, BlazorCircuit circuit) : AppPage(page, circuit)
{
    public Task OpenAsync() => OpenAsync("/retrieval");

    public ILocator Results => Page.GetByTestId("retrieval-result");
    public ILocator Problems => Page.GetByTestId("retrieval-problem");
    public ILocator Library => Page.GetByTestId("retrieval-library");

    public ILocator Field(string testId) => Page.Locator($"input[data-testid={testId}], [data-testid={testId}] input").First;

    public async Task RetrieveAsync(string question, string? top = null)
    {
        await Field("retrieval-question").FillAsync(question);
        if (top is not null) await Field("retrieval-top").FillAsync(top);
        await Page.GetByTestId("retrieval-run").ClickAsync();
    }
}

/// <summary>What the phone tests check on a page: no sideways scroll of the page, touch targets at least 44 px tall.</summary>
public static class PhoneChecks
{
    public static async Task AssertFitsAsync(IPage page, string touchSelector)
    {
        var (scroll, inner) = (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth"), await page.EvaluateAsync<int>("() => window.innerWidth"));
        Assert.True(scroll <= inner, $"the page scrolls sideways: {scroll}px wide in a {inner}px window");
        var heights = await page.Locator(touchSelector).EvaluateAllAsync<double[]>(
            "els => els.filter(e => e.offsetParent !== null).map(e => e.getBoundingClientRect().height)");
        Assert.NotEmpty(heights);
        Assert.All(heights, h => Assert.True(h >= 44, $"a touch target is {h}px tall"));
    }
}
