using RagAssistant.Web.Localization;
using Microsoft.Playwright;

namespace RagAssistant.Web.Tests.EndToEnd.Pages;

/// <summary>The admin page at /admin: users, libraries and grants, API keys, audit log — one tab each.</summary>
public sealed class AdminPage(IPage page, BlazorCircuit circuit) : AppPage(page, circuit)
{
    public ILocator NewPassword => Page.GetByTestId("new-password");
    public ILocator NewApiKey => Page.GetByTestId("new-api-key");
    public ILocator AuditRows => Page.GetByTestId("audit-row");
    public ILocator KeyRows => Page.GetByTestId("key-row");
    /// <summary>The snackbars: a done change, or a refused one with its reason.</summary>
    public ILocator Snackbars => Page.Locator(".mud-snackbar");

    public Task OpenAsync() => OpenAsync("/admin");

    public ILocator UserRow(string user) => Page.GetByTestId($"user-row-{user}");
    public ILocator LibraryRow(string library) => Page.GetByTestId($"library-row-{library}");
    public ILocator KeyRow(string user, string name) => Page.Locator($"[data-testid=key-row][data-user='{user}'][data-name='{name}']");

    /// <summary>Opens a tab: users, libraries, keys or audit.</summary>
    /// <remarks>
    /// The tab headers are drawn again while the page's first interactive renders settle (the tabs register their panels,
    /// each tab loads its table): a click on a header that is being replaced is lost, so it is repeated until the tab is active.
    /// </remarks>
    public async Task TabAsync(string tab)
    {
        var active = Page.Locator(".mud-tab-active").GetByTestId($"admin-tab-{tab}");
        for (var attempt = 1; ; attempt++)
        {
            await Page.GetByTestId($"admin-tab-{tab}").ClickAsync();
            try
            {
                await Assertions.Expect(active).ToBeVisibleAsync(new() { Timeout = 3000 });
                return;
            }
            catch (PlaywrightException) when (attempt < 5)
            {
            }
        }
    }

    /// <summary>The input of a MudTextField (the test id sits on the input or on its wrapper).</summary>
    public ILocator Field(string testId) => Page.Locator($"input[data-testid={testId}], [data-testid={testId}] input").First;

    /// <summary>Picks an option of a MudSelect: opens its list, clicks the option, waits for the list to close.</summary>
    public async Task ChooseAsync(string testId, string option)
    {
        await Page.GetByTestId(testId).ClickAsync();
        var item = Page.Locator(".mud-popover-open").GetByRole(AriaRole.Option, new() { Name = option, Exact = true });
        await item.ClickAsync();
        await Assertions.Expect(Page.Locator(".mud-popover-open .mud-list")).ToHaveCountAsync(0);
    }

    /// <summary>Adds a user; <paramref name="password"/> empty lets the app generate one.</summary>
    public async Task AddUserAsync(string user, string role, string? password = null)
    {
        await Field("user-add-name").FillAsync(user);
        await ChooseAsync("user-add-role", LabelText.Chinese.Role(role));
        if (password is not null) await Field("user-add-password").FillAsync(password);
        await Page.GetByTestId("user-add-submit").ClickAsync();
    }

    /// <summary>Grants a user read or write access to a library through the grant form.</summary>
    public async Task GrantUserAsync(string library, string user, string access = "read")
    {
        await Field("grant-library").FillAsync(library);
        await Page.GetByTestId("grant-kind-user").ClickAsync();
        await ChooseAsync("grant-subject", user);
        await Page.GetByTestId($"grant-access-{access}").ClickAsync();
        await Page.GetByTestId("grant-submit").ClickAsync();
    }

    public async Task CreateKeyAsync(string user, string name)
    {
        await ChooseAsync("key-user", user);
        await Field("key-name").FillAsync(name);
        await Page.GetByTestId("key-create").ClickAsync();
    }
}
