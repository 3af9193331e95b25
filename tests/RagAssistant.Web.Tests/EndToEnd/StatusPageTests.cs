using System.Text.RegularExpressions;
using Microsoft.Playwright;
using RagAssistant.Web.Tests.EndToEnd.Pages;
using RagAssistant.Web.Tests.Hosting;

namespace RagAssistant.Web.Tests.EndToEnd;

[Collection(WebAppCollection.Name)]
public sealed class StatusPageTests(WebAppFixture app, BrowserFixture browser) : BrowserTest(app, browser)
{
    [SkippableFact]
    public async Task Status_ShowsEachBuiltinModelWithTheLanguageItReadsAndItsDevice()
    {
        var status = new StatusPage(Page, Circuit);
        await status.OpenAsync();

        await Expect(status.EmbeddingModel).ToHaveCountAsync(2);
        await Expect(status.EmbeddingModel.First).ToContainTextAsync("all-MiniLM-L6-v2 (384 d) · 英文文本");
        await Expect(status.EmbeddingModel.Last).ToContainTextAsync("bge-small-zh-v1.5 (512 d) · 中文及中英混合文本");
        await Expect(status.EmbeddingDevice.First).ToContainTextAsync("cpu");
        // The pair reads Chinese: no English-only notice, and every chunk has its language's vector.
        await Expect(status.ChineseLimitation).ToHaveCountAsync(0);
        await Expect(Page.GetByTestId("embedding-lacking")).ToHaveCountAsync(0);
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
