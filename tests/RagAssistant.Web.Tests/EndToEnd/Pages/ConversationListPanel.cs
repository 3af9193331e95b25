using Microsoft.Playwright;

namespace RagAssistant.Web.Tests.EndToEnd.Pages;

/// <summary>The Ask page's conversation list: its search box, and each conversation's ⋮ menu (rename, export, delete).</summary>
public sealed class ConversationListPanel(IPage page)
{
    public ILocator Search => page.Locator("[data-testid=conversation-search] input, input[data-testid=conversation-search]");
    public ILocator Items => page.GetByTestId("conversation-item");
    public ILocator NoMatches => page.GetByTestId("no-matches");
    public ILocator RenameInput => page.Locator("[data-testid=rename-input] input, input[data-testid=rename-input]");
    public ILocator RenameSave => page.GetByTestId("rename-save");

    /// <summary>
    /// On a phone or tablet the list is a drawer: opens it from the chat's bar (a no-op on wide screens, where it is
    /// always shown).
    /// </summary>
    public async Task ShowAsync()
    {
        var toggle = page.GetByTestId("conversations-toggle");
        if (!await toggle.IsVisibleAsync()) return;
        if (!await page.GetByTestId("conversations-backdrop").IsVisibleAsync()) await toggle.ClickAsync();
        await Assertions.Expect(page.GetByTestId("conversations-pane")).ToBeInViewportAsync(new() { Ratio = 1 });
    }

    public ILocator Item(string id) => page.Locator($"[data-testid=conversation-item][data-id='{id}']");

    public ILocator Title(string id) => Item(id).GetByTestId("conversation-title");

    public ILocator MenuButton(string id) =>
        Item(id).Locator("[data-testid=conversation-menu] button, button[data-testid=conversation-menu]").First;

    /// <summary>Opens the conversation's ⋮ menu and chooses <paramref name="action"/> (conversation-rename, -export or -delete).</summary>
    public async Task ChooseAsync(string id, string action)
    {
        await ShowAsync();
        await MenuButton(id).ClickAsync();
        await page.GetByTestId(action).ClickAsync();
    }

    /// <summary>The confirmation the delete asks for.</summary>
    public Task ConfirmDeleteAsync(string yes) => page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = yes }).ClickAsync();
}
