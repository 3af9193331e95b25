using Microsoft.Playwright;

namespace RagAssistant.Web.Tests.EndToEnd;

/// <summary>
/// One headless Chromium for the whole web test collection, started on first use: Debian's system chromium driven by
/// the Playwright driver the .NET package carries (no browser download). When /usr/bin/chromium is absent the browser
/// tests skip with <see cref="MissingReason"/>; scripts/install-test-deps.sh installs it.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public const string MissingReason =
        $"{ChromiumPath} is not installed: run scripts/install-test-deps.sh (apt-get install chromium) to run the browser tests";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public static bool IsAvailable => File.Exists(ChromiumPath);

    public async Task<IBrowser> GetAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_browser is not null) return _browser;
            _playwright = await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                // No sandbox (containers, root); no GPU; nothing fetched in the background, which would also show up
                // in the offline test as off-origin traffic.
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
            });
            return _browser;
        }
        finally
        {
            _gate.Release();
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        _gate.Dispose();
    }
}
