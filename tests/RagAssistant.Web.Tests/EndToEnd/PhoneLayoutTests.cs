using Microsoft.Playwright;
using RagAssistant.Web.Tests.EndToEnd.Pages;
using RagAssistant.Web.Tests.Hosting;

namespace RagAssistant.Web.Tests.EndToEnd;

/// <summary>The app on a phone on the shop floor (390×844): usable with one thumb, nothing off screen.</summary>
[Collection(WebAppCollection.Name)]
public sealed class PhoneLayoutTests(WebAppFixture app, BrowserFixture browser) : BrowserTest(app, browser)
{
    protected override ViewportSize Viewport => new() { Width = 390, Height = 844 };

    [SkippableFact]
    public async Task Phone_AsksWithAFullWidthQuestionBox_AndReadsTheSourceFullScreen()
    {
        var ask = new AskPage(Page, Circuit);
        await ask.OpenAsync();

        Assert.Equal(0, await NarrowLayout.HorizontalOverflowAsync(Page));
        var box = await ask.QuestionBox.BoundingBoxAsync();
        Assert.True(box!.Width >= 0.9 * 390, $"the question box is {box.Width} px wide on a 390 px phone");
        await Expect(ask.NavLibrary).Not.ToBeVisibleAsync();
        await Expect(NarrowLayout.ConversationsPane(Page)).Not.ToBeInViewportAsync();

        var turn = await ask.AskAsync("JD-2105-0201 支架本体第20工序是什么？");
        Assert.Equal(0, await NarrowLayout.HorizontalOverflowAsync(Page));
        var answer = await turn.Root.BoundingBoxAsync();
        Assert.True(answer!.Width >= 0.9 * 390, $"the answer is {answer.Width} px wide");

        await turn.CitationChips.First.ClickAsync();
        var panel = await ask.Source.Root.BoundingBoxAsync();
        Assert.True(panel is { X: 0, Y: 0, Width: 390, Height: 844 }, $"the source panel covers {panel?.X},{panel?.Y} {panel?.Width}×{panel?.Height}");
        await Expect(NarrowLayout.SourceClose(Page)).ToContainTextAsync("返回");
        await NarrowLayout.SourceClose(Page).ClickAsync();
        await Expect(ask.Source.Root).ToHaveCountAsync(0);
        await AssertTouchTargetsAsync();
    }

    [SkippableFact]
    public async Task Phone_MenuOpensTheNavigation_AndTheConversationListIsADrawer()
    {
        var ask = new AskPage(Page, Circuit);
        await ask.OpenAsync();

        await NarrowLayout.MenuButton(Page).ClickAsync();
        foreach (var id in new[] { "drawer-nav-ask", "drawer-nav-library", "drawer-nav-status", "drawer-sign-out", "drawer-language-switch", "drawer-theme-switch" })
            await Expect(Page.GetByTestId(id)).ToBeInViewportAsync();
        await AssertTouchTargetsAsync();
        await Page.GetByTestId("drawer-nav-library").ClickAsync();
        await Assertions.Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/library$"));
        Assert.Equal(0, await NarrowLayout.HorizontalOverflowAsync(Page));

        await ask.OpenAsync();
        await NarrowLayout.ConversationsToggle(Page).ClickAsync();
        await Expect(NarrowLayout.ConversationsPane(Page)).ToBeInViewportAsync(new() { Ratio = 1 });
        await Expect(ask.NewConversation).ToBeVisibleAsync();
        await Page.Keyboard.PressAsync("Escape");
        await Expect(NarrowLayout.ConversationsPane(Page)).Not.ToBeInViewportAsync();
    }

    /// <summary>Every visible button and list item a thumb can reach is at least 44 px tall (WCAG's target size).</summary>
    private async Task AssertTouchTargetsAsync()
    {
        var small = await Page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('button, a.mud-button-root, .mud-list-item')]
                .filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth
                                && getComputedStyle(e).visibility !== 'hidden' && !e.closest('.rag-answer'); })
                .filter(e => e.getBoundingClientRect().height < 44)
                .map(e => `${e.dataset.testid || e.getAttribute('aria-label') || e.textContent.trim().slice(0, 20)}: ${Math.round(e.getBoundingClientRect().height)} px`)
            """);
        Assert.True(small.Length == 0, "touch targets under 44 px: " + string.Join("; ", small));
    }
}
