using Microsoft.Playwright;
using RagAssistant.Web.Localization;
using RagAssistant.Web.Tests.EndToEnd.Pages;

namespace RagAssistant.Web.Tests.EndToEnd;

/// <summary>Signing in through the browser: the redirect to the sign-in page, wrong passwords, and the throttle after too many.</summary>
[Collection(AccessWebAppCollection.Name)]
public sealed class SignInTests(AccessWebAppFixture app, BrowserFixture browser) : AccessBrowserTest(app, browser)
{
    [SkippableFact]
    public async Task SignIn_AnonymousIsSentToSignIn_WrongPasswordIsRefused_RightOneOpensAsk()
    {
        var (user, password) = await App.AddUserAsync("signin", readable: AccessWebAppFixture.LineA);

        var response = await Page.GotoAsync("/");

        // Redirected by the server (a 302 before any page renders), not by script on a page that loaded.
        Assert.NotNull(response!.Request.RedirectedFrom);
        Assert.StartsWith($"{App.BaseUrl}{SignInPage.Path}", Page.Url, StringComparison.Ordinal);
        var signIn = new SignInPage(Page);
        await Expect(signIn.Error).ToHaveCountAsync(0);

        await signIn.SubmitAsync(user, "not-the-password");
        await Expect(signIn.Error).ToHaveTextAsync(UiText.Chinese.Account.BadCredentials);

        await signIn.SubmitAsync(user, password);
        await Page.WaitForURLAsync($"{App.BaseUrl}/");
        await Expect(new AskPage(Page, Circuit).QuestionBox).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("signed-in-user")).ToHaveTextAsync(user);
    }

    [SkippableFact]
    public async Task SignIn_AfterTooManyWrongPasswords_RefusesEvenTheRightOne()
    {
        var (user, password) = await App.AddUserAsync("lockout");
        var signIn = new SignInPage(Page);
        await signIn.OpenAsync();

        for (var i = 0; i < AccessWebAppFixture.MaxFailedSignIns; i++)
        {
            await signIn.SubmitAsync(user, $"wrong-password-{i}");
            await Expect(signIn.Error).ToBeVisibleAsync();
        }
        await signIn.SubmitAsync(user, password);

        await Expect(signIn.Error).ToHaveTextAsync(UiText.Chinese.Account.LockedOut);
        Assert.Contains(SignInPage.Path, Page.Url, StringComparison.Ordinal);
    }
}
