using Microsoft.Playwright;

namespace RagAssistant.Web.Tests.EndToEnd.Pages;

/// <summary>What every page of the app has: the navigation bar and the language switch.</summary>
public abstract class AppPage(IPage page, BlazorCircuit circuit)
{
    public IPage Page { get; } = page;
    protected BlazorCircuit Circuit { get; } = circuit;

    public ILocator NavAsk => Page.GetByTestId("nav-ask");
    public ILocator NavLibrary => Page.GetByTestId("nav-library");
    public ILocator NavStatus => Page.GetByTestId("nav-status");
    public ILocator LanguageSwitch => Page.GetByTestId("language-switch");

    /// <summary>Blazor's "an error happened" bar: shown when the circuit died of an unhandled exception.</summary>
    public ILocator CircuitError => Page.Locator("#blazor-error-ui");

    /// <summary>Loads <paramref name="path"/> (a full page load) and waits until its circuit is interactive.</summary>
    public async Task OpenAsync(string path)
    {
        Circuit.Reset();
        await Page.GotoAsync(path);
        await WaitInteractiveAsync();
    }

    /// <summary>
    /// Waits for the circuit's first render batch, then for the layout to say it has drawn the page interactively: the
    /// batch can arrive (the head outlet's, say) a moment before the page's own, and a click in that moment is lost.
    /// </summary>
    private async Task WaitInteractiveAsync()
    {
        await Circuit.WaitAsync();
        await Assertions.Expect(Page.GetByTestId("layout")).ToHaveAttributeAsync("data-interactive", "true");
    }

    /// <summary>The switch is a plain link (a full page load through /language/…), not an in-circuit navigation.</summary>
    public async Task SwitchLanguageAsync()
    {
        Circuit.Reset();
        await LanguageSwitch.ClickAsync();
        await WaitInteractiveAsync();
    }
}
