using Microsoft.Playwright;

namespace RagAssistant.Web.Tests.EndToEnd.Pages;

/// <summary>The sign-in page at /Account/Login: a plain server-rendered form (no circuit).</summary>
public sealed class SignInPage(IPage page)
{
    public const string Path = "/Account/Login";

    public IPage Page { get; } = page;
    public ILocator UserName => Page.GetByTestId("login-user");
    public ILocator Password => Page.GetByTestId("login-password");
    public ILocator Submit => Page.GetByTestId("login-submit");
    public ILocator Error => Page.GetByTestId("login-error");

    public async Task OpenAsync() => await Page.GotoAsync(Path);

    /// <summary>Fills and submits the form and waits for the answer: the app (signed in) or the form again with an error.</summary>
    public async Task SubmitAsync(string user, string password)
    {
        await UserName.FillAsync(user);
        await Password.FillAsync(password);
        // The form posts back to the same address: mark this document, and wait for one without the mark.
        await Page.EvaluateAsync("() => window.__ragSubmitted = true");
        await Submit.ClickAsync();
        await Page.WaitForFunctionAsync("() => window.__ragSubmitted === undefined && document.readyState !== 'loading'");
    }

    /// <summary>Signs in and waits until the app's home page has loaded.</summary>
    public async Task SignInAsync(string user, string password)
    {
        await OpenAsync();
        await SubmitAsync(user, password);
        await Page.WaitForURLAsync(url => !url.Contains("/Account/", StringComparison.Ordinal));
    }
}
