using System.Text.RegularExpressions;
using Microsoft.Playwright;
using RagAssistant.Web.Tests.EndToEnd.Pages;
using RagAssistant.Web.Tests.Hosting;

namespace RagAssistant.Web.Tests.EndToEnd;

[Collection(WebAppCollection.Name)]
public sealed class StatusPageTests(WebAppFixture app, BrowserFixture browser) : BrowserTest(app, browser)
{
    [SkippableFact]
    public async Task Status_ShowsDeviceModelAndChineseLimitation()
    {
        var status = new StatusPage(Page, Circuit);
        await status.OpenAsync();

        await Expect(status.EmbeddingModel).Not.ToBeEmptyAsync();
        await Expect(status.EmbeddingDevice).Not.ToBeEmptyAsync();
        await Expect(status.ChineseLimitation).ToBeVisibleAsync();
        await Expect(status.LlmProvider).ToContainTextAsync("未配置");
    }

    [SkippableFact]
    public async Task Language_SwitchToEnglishAndBack()
    {
        var status = new StatusPage(Page, Circuit);
        await status.OpenAsync();
        await Expect(status.NavAsk).ToHaveTextAsync("问答");

        await status.SwitchLanguageAsync();
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Ask", Exact = true })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Library", Exact = true })).ToBeVisibleAsync();
        await Expect(status.LlmProvider).ToContainTextAsync("not configured");
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex("/status$"));

        await status.SwitchLanguageAsync();
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "问答", Exact = true })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "文档库", Exact = true })).ToBeVisibleAsync();
    }
}
