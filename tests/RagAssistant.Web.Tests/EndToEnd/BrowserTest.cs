using Microsoft.Playwright;
using RagAssistant.Web.Tests.Hosting;

namespace RagAssistant.Web.Tests.EndToEnd;

/// <summary>Browser tests against the shared app with the real embedding model and the sample corpus.</summary>
public abstract class BrowserTest(WebAppFixture app, BrowserFixture browser) : BrowserPageTest(browser)
{
    protected WebAppFixture App { get; } = app;

    protected override string BaseUrl => App.BaseUrl;
}

/// <summary>
/// Base of the browser tests: a fresh context and page per test (own cookies, so the UI language starts as Chinese),
/// in the collection's one browser against the collection's one app (<see cref="BaseUrl"/>). Touching
/// <see cref="Page"/> skips the test when Chromium is not installed.
/// </summary>
public abstract class BrowserPageTest(BrowserFixture browser) : IAsyncLifetime
{
    /// <summary>Answers are produced on 2 cores with the real embedding model: give them time, never a fixed sleep.</summary>
    protected static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(30);

    private IBrowserContext? _context;
    private IPage? _page;
    private BlazorCircuit? _circuit;

    /// <summary>The app the test's context browses.</summary>
    protected abstract string BaseUrl { get; }

    protected IPage Page
    {
        get
        {
            Skip.IfNot(BrowserFixture.IsAvailable, BrowserFixture.MissingReason);
            return _page!;
        }
    }

    protected BlazorCircuit Circuit => _circuit!;

    /// <summary>The viewport of the test's context; the workshop screens are 1366×768.</summary>
    protected virtual ViewportSize Viewport => new() { Width = 1366, Height = 768 };

    public async Task InitializeAsync()
    {
        if (!BrowserFixture.IsAvailable) return;
        Assertions.SetDefaultExpectTimeout((float)AnswerTimeout.TotalMilliseconds);
        _context = await NewContextAsync();
        _page = await _context.NewPageAsync();
        _circuit = new BlazorCircuit(_page);
        if (SignInAs is { } account) await SignInAsync(account.User, account.Password);
    }

    /// <summary>
    /// A browser context like the test's own (a second person at another screen: own cookies, same app); the caller
    /// disposes it.
    /// </summary>
    protected async Task<IBrowserContext> NewContextAsync()
    {
        var context = await (await browser.GetAsync()).NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            Locale = "zh-CN",
            ViewportSize = Viewport,
        });
        context.SetDefaultTimeout((float)AnswerTimeout.TotalMilliseconds);
        return context;
    }

    /// <summary>Who the test's browser signs in as before the test starts; null to start signed out. Default: the administrator.</summary>
    protected virtual (string User, string Password)? SignInAs => (HostedApp.AdminUser, HostedApp.AdminPassword);

    /// <summary>Signs in through the sign-in page, as a person does, and waits until the app's home page has loaded.</summary>
    protected async Task SignInAsync(string user, string password)
    {
        await _page!.GotoAsync("/Account/Login");
        await _page.GetByTestId("login-user").FillAsync(user);
        await _page.GetByTestId("login-password").FillAsync(password);
        await _page.GetByTestId("login-submit").ClickAsync();
        // Wait for the page's DOM, not its load event: on a loaded machine the Blazor page's load event after the
        // sign-in redirect was twice missed within the timeout; what the tests look for next they wait for themselves.
        await _page.WaitForURLAsync(url => !url.Contains("/Account/", StringComparison.Ordinal),
            new PageWaitForURLOptions { WaitUntil = WaitUntilState.DOMContentLoaded });
    }

    public async Task DisposeAsync()
    {
        if (_context is not null) await _context.DisposeAsync();
    }

    protected static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
