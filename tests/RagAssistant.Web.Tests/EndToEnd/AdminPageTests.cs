using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RagAssistant.Accounts;
using RagAssistant.Web.Localization;
using RagAssistant.Web.Tests.EndToEnd.Pages;
using RagAssistant.Web.Tests.Hosting;

namespace RagAssistant.Web.Tests.EndToEnd;

/// <summary>The admin page, as the administrator uses it: users, API keys and the audit log.</summary>
[Collection(AccessWebAppCollection.Name)]
public sealed class AdminPageTests(AccessWebAppFixture app, BrowserFixture browser) : AccessBrowserTest(app, browser)
{
    protected override (string User, string Password)? SignInAs => (HostedApp.AdminUser, HostedApp.AdminPassword);

    [SkippableFact]
    public async Task AddUser_ShowsAGeneratedPasswordOnce_ThatSignsIn()
    {
        var admin = new AdminPage(Page, Circuit);
        await admin.OpenAsync();
        var user = $"added{Guid.NewGuid():N}"[..13];

        await admin.AddUserAsync(user, "Editor");

        await Expect(admin.NewPassword).ToBeVisibleAsync();
        var password = (await admin.NewPassword.InnerTextAsync()).Trim();
        Assert.Equal(18, password.Length);
        await Expect(admin.UserRow(user)).ToHaveAttributeAsync("data-role", "Editor");
        // Shown once: the page opened again does not show it.
        await admin.OpenAsync();
        await Expect(admin.UserRow(user)).ToBeVisibleAsync();
        await Expect(admin.NewPassword).ToHaveCountAsync(0);

        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        await new SignInPage(page).SignInAsync(user, password);
        await Assertions.Expect(page.GetByTestId("signed-in-user")).ToHaveTextAsync(user);
    }

    [SkippableFact]
    public async Task AddUser_ThatExists_IsRefusedInChinese()
    {
        var admin = new AdminPage(Page, Circuit);
        await admin.OpenAsync();

        await admin.AddUserAsync(HostedApp.AdminUser, "Reader");

        var refusal = admin.Snackbars.Filter(new() { HasText = $"用户“{HostedApp.AdminUser}”已存在。" });
        await Expect(refusal).ToBeVisibleAsync();
        Assert.DoesNotContain("already exists", await refusal.InnerTextAsync(), StringComparison.Ordinal);
        // MudBlazor's own close button speaks Chinese too.
        await Expect(refusal.GetByRole(AriaRole.Button, new() { Name = "关闭", Exact = true })).ToBeVisibleAsync();
    }

    [SkippableFact]
    public async Task DisableUser_RefusesTheirNextSignIn()
    {
        var (user, password) = await App.AddUserAsync("disabled");
        var admin = new AdminPage(Page, Circuit);
        await admin.OpenAsync();

        await admin.UserRow(user).GetByTestId("user-disable").ClickAsync();

        await Expect(admin.UserRow(user)).ToHaveAttributeAsync("data-disabled", "true");
        await Expect(admin.UserRow(user).GetByTestId("user-enable")).ToBeVisibleAsync();
        await using var context = await NewContextAsync();
        var signIn = new SignInPage(await context.NewPageAsync());
        await signIn.OpenAsync();
        await signIn.SubmitAsync(user, password);
        await Assertions.Expect(signIn.Error).ToHaveTextAsync(UiText.Chinese.Account.BadCredentials);
    }

    [SkippableFact]
    public async Task ApiKey_CreatedOnThePage_WorksUntilRevoked()
    {
        var (user, _) = await App.AddUserAsync("keyholder", readable: AccessWebAppFixture.LineA);
        var admin = new AdminPage(Page, Circuit);
        await admin.OpenAsync();
        await admin.TabAsync("keys");

        await admin.CreateKeyAsync(user, "mes");

        await Expect(admin.NewApiKey).ToBeVisibleAsync();
        var key = (await admin.NewApiKey.InnerTextAsync()).Trim();
        Assert.StartsWith(ApiKeys.KeyPrefix, key, StringComparison.Ordinal);
        var row = admin.KeyRow(user, "mes");
        await Expect(row).ToHaveAttributeAsync("data-revoked", "false");
        using var client = App.App.CreateClientWithKey(key);
        using (var response = await client.GetAsync("/api/documents"))
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        await row.GetByTestId("key-revoke").ClickAsync();

        await Expect(row).ToHaveAttributeAsync("data-revoked", "true");
        using (var response = await client.GetAsync("/api/documents"))
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [SkippableFact]
    public async Task Audit_ListsSignInsAndGrants_FilteredByAction()
    {
        var (user, _) = await App.AddUserAsync("audited");
        await App.Services.GetRequiredService<LibraryAccess>()
            .GrantAsync(AccessWebAppFixture.LineB, GrantSubject.User, user, GrantAccess.Read, HostedApp.AdminUser);
        var admin = new AdminPage(Page, Circuit);
        await admin.OpenAsync();

        await admin.TabAsync("audit");

        var signIns = Page.Locator($"[data-testid=audit-row][data-action={AuditActions.SignIn}]");
        var grants = Page.Locator($"[data-testid=audit-row][data-action={AuditActions.Grant}]");
        await Expect(signIns.Filter(new() { HasText = HostedApp.AdminUser }).First).ToBeVisibleAsync();
        await Expect(grants.Filter(new() { HasText = user }).First).ToBeVisibleAsync();

        await admin.ChooseAsync("audit-action", LabelText.Chinese.AuditAction(AuditActions.Grant));

        await Expect(signIns).ToHaveCountAsync(0);
        await Expect(grants.Filter(new() { HasText = user })).ToHaveCountAsync(1);
        Assert.Equal(await grants.CountAsync(), await admin.AuditRows.CountAsync());
    }
}
