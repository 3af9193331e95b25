using Microsoft.Playwright;
using RagAssistant.Web.Tests.EndToEnd.Pages;
using RagAssistant.Web.Tests.Hosting;

namespace RagAssistant.Web.Tests.EndToEnd;

/// <summary>Dark mode, remembered across pages; a tablet (768×1024) with the chat and the source as two panes.</summary>
[Collection(WebAppCollection.Name)]
public sealed class ThemeAndTabletTests(WebAppFixture app, BrowserFixture browser) : BrowserTest(app, browser)
{
    protected override ViewportSize Viewport => new() { Width = 768, Height = 1024 };

    [SkippableFact]
    public async Task Tablet_ShowsChatAndSourceSideBySide_AndTheDarkSchemeStaysOnAcrossPages()
    {
        var ask = new AskPage(Page, Circuit);
        await ask.OpenAsync();
        var turn = await ask.AskAsync("JD-2105-0201 支架本体第20工序是什么？");
        await turn.CitationChips.First.ClickAsync();

        await Expect(ask.Source.Root).ToBeVisibleAsync();
        var chat = await Page.Locator(".rag-chat").BoundingBoxAsync();
        var source = await ask.Source.Root.BoundingBoxAsync();
        Assert.True(chat!.Width > 300 && source!.Width > 300 && source.X >= chat.X + chat.Width - 1,
            $"chat {chat.X}+{chat.Width}, source {source?.X}+{source?.Width}: not two panes side by side");
        Assert.Equal(0, await NarrowLayout.HorizontalOverflowAsync(Page));

        await NarrowLayout.MenuButton(Page).ClickAsync();
        Circuit.Reset();
        await Page.GetByTestId("drawer-theme-switch").ClickAsync();
        await Circuit.WaitAsync();
        await Expect(Page.Locator("html")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("rag-dark"));
        await ask.OpenAsync("/library");
        await Expect(Page.Locator("html")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("rag-dark"));
        var background = await Page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.mud-main-content')).backgroundColor || getComputedStyle(document.body).backgroundColor");
        var text = await Page.EvaluateAsync<string>("() => getComputedStyle(document.body).color");
        Assert.True(Brightness(text) > Brightness(background), $"dark mode: text {text} on {background}");
    }

    private static double Brightness(string rgb)
    {
        var parts = rgb[(rgb.IndexOf('(') + 1)..rgb.IndexOf(')')].Split(',').Select(p => double.Parse(p.Trim(), System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        return parts.Length == 4 && parts[3] == 0 ? 0 : parts[0] + parts[1] + parts[2];
    }
}
