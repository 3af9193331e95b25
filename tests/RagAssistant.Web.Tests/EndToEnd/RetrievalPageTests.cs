using Microsoft.Playwright;
using RagAssistant.Testing;
using RagAssistant.Web.Localization;
using RagAssistant.Web.Tests.EndToEnd.Pages;
using RagAssistant.Web.Tests.Hosting;

namespace RagAssistant.Web.Tests.EndToEnd;

/// <summary>The retrieval test page on the sample corpus with the real model: ranked chunks with their dense and keyword scores.</summary>
[Collection(WebAppCollection.Name)]
public class RetrievalPageTests(WebAppFixture app, BrowserFixture browser) : BrowserTest(app, browser)
{
    [SkippableFact]
    public async Task Question_ShowsRankedChunks_WithDenseAndKeywordScores_AndBadInputIsNamed()
    {
        var page = new RetrievalTestPage(Page, Circuit);
        await page.OpenAsync();

        await page.RetrieveAsync("   ", top: "500");
        await Expect(page.Problems).ToHaveTextAsync([UiText.Chinese.Tools.QuestionEmpty, "返回条数：必须在 1 到 100 之间。"]);

        await page.RetrieveAsync("JD-2105-0318 第60工序主轴转速是多少？", top: "5");

        await Expect(page.Results).ToHaveCountAsync(5);
        await Expect(page.Problems).ToHaveCountAsync(0);
        await Expect(page.Results.First).ToHaveAttributeAsync("data-rank", "1");
        await Expect(Page.GetByTestId("retrieval-run")).ToBeEnabledAsync();
        // Some chunk was found by both retrievers, and shows each one's score and rank.
        var both = Page.Locator("[data-testid=retrieval-result][data-dense-rank][data-keyword-rank]").First;
        await Expect(both.GetByTestId("retrieval-dense")).ToContainTextAsync("分数");
        await Expect(both.GetByTestId("retrieval-keyword")).ToContainTextAsync("分数");
        await Expect(page.Results.First.GetByTestId("retrieval-trace")).ToHaveCountAsync(1);
        await Expect(page.Results.First.GetByTestId("retrieval-title")).Not.ToBeEmptyAsync();
        Assert.DoesNotContain(RepositoryPaths.Corpus, await Page.ContentAsync(), StringComparison.Ordinal);
        await AfterResultsAsync();
    }

    protected virtual Task AfterResultsAsync() => Task.CompletedTask;
}

/// <summary>The same on a phone.</summary>
[Collection(WebAppCollection.Name)]
public sealed class RetrievalPagePhoneTests(WebAppFixture app, BrowserFixture browser) : RetrievalPageTests(app, browser)
{
    protected override ViewportSize Viewport => new() { Width = 390, Height = 844 };

    protected override Task AfterResultsAsync() => PhoneChecks.AssertFitsAsync(Page, ".rag-tools-touch, .rag-tools-select, .rag-tools .mud-input-outlined");
}
