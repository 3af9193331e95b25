using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RagAssistant.Accounts;
using RagAssistant.Testing;
using RagAssistant.Web.Localization;
using RagAssistant.Web.Tests.Hosting;

namespace RagAssistant.Web.Tests.Security;

/// <summary>
/// Sign-in and sessions as an attacker would try them (issue #19), on an app behind a trusted proxy, so each test
/// comes from addresses of its own.
/// </summary>
[Collection(ProxiedAuthAppCollection.Name)]
public sealed class AuthenticationTests(ProxiedAuthAppFixture fixture)
{
    private static readonly AccountText Text = UiText.Chinese.Account;

    [Fact]
    public async Task FailedSignIns_ThrottleTheUserFromThatAddress_NotTheOwnerSigningInFromAnother()
    {
        var (user, password) = await fixture.AddUserAsync("target");
        using var attacker = fixture.From("10.2.0.1");
        for (var i = 0; i < ProxiedAuthAppFixture.MaxFailedSignIns + 2; i++)
            Assert.NotNull(await attacker.SignInAsync(user, $"guess-{i}-of-many"));

        // The attacker's address is throttled for this user, even with the right password…
        Assert.Equal(Text.LockedOut, await attacker.SignInAsync(user, password));
        // …while the owner, at their own desk, signs in.
        using var owner = fixture.From("10.2.0.2");
        Assert.Null(await owner.SignInAsync(user, password));

        var audit = await fixture.App.Services.GetRequiredService<AuditLog>().ListAsync(200);
        Assert.Contains(audit, a => a.Target == user && a.Action == AuditActions.SignInFailed && a.Address == "10.2.0.1");
        Assert.Contains(audit, a => a.Target == user && a.Action == AuditActions.SignIn && a.Address == "10.2.0.2");
    }

    [Fact]
    public async Task ThrottledAddress_MayTryAgainOnceTheLockoutMinutesHavePassed()
    {
        var (user, password) = await fixture.AddUserAsync("patient");
        using var client = fixture.From("10.2.1.1");
        for (var i = 0; i < ProxiedAuthAppFixture.MaxFailedSignIns; i++) await client.SignInAsync(user, $"typo-{i}-password");
        Assert.Equal(Text.LockedOut, await client.SignInAsync(user, password));

        fixture.Clock.Advance(TimeSpan.FromMinutes(ProxiedAuthAppFixture.LockoutMinutes + 1));

        Assert.Null(await client.SignInAsync(user, password));
    }

    [Fact]
    public async Task CopiedSessionCookie_StopsWorkingAsSoonAsItsOwnerSignsOut()
    {
        var (user, password) = await fixture.AddUserAsync("leaver");
        using var owner = fixture.From("10.4.0.1");
        Assert.Null(await owner.SignInAsync(user, password));
        using var thief = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = new Uri(fixture.App.BaseUrl) };
        thief.DefaultRequestHeaders.Add("Cookie", $"{FormClient.AuthCookie}={owner.SessionCookie}");
        Assert.Equal(HttpStatusCode.OK, (await thief.GetAsync("/api/documents")).StatusCode);

        await owner.SignOutAsync();

        using var refused = await thief.GetAsync("/api/documents");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("sign in", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task ChangePassword_AfterTooManyWrongCurrentPasswords_RefusesEvenTheRightOne_UntilTheWindowPasses()
    {
        var (user, password) = await fixture.AddUserAsync("changer");
        using var client = fixture.From("10.3.0.1");
        Assert.Null(await client.SignInAsync(user, password));
        for (var i = 0; i < ProxiedAuthAppFixture.MaxFailedSignIns; i++)
            Assert.Equal("当前密码不正确。", await client.ChangePasswordAsync($"guess-{i}-of-many", "a-brand-new-password"));

        Assert.Equal(Text.LockedOut, await client.ChangePasswordAsync(password, "a-brand-new-password"));
        Assert.True(await fixture.CheckPasswordAsync(user, password));

        fixture.Clock.Advance(TimeSpan.FromMinutes(ProxiedAuthAppFixture.LockoutMinutes + 1));

        Assert.Null(await client.ChangePasswordAsync(password, "a-brand-new-password"));
        Assert.True(await fixture.CheckPasswordAsync(user, "a-brand-new-password"));
    }

    [Fact]
    public async Task WrongCurrentPasswords_CountTowardTheSignInThrottle()
    {
        var (user, password) = await fixture.AddUserAsync("stolen");
        using var thief = fixture.From("10.3.1.1");
        Assert.Null(await thief.SignInAsync(user, password));
        for (var i = 0; i < ProxiedAuthAppFixture.MaxFailedSignIns; i++) await thief.ChangePasswordAsync($"guess-{i}-of-many", "a-brand-new-password");

        // A fresh sign-in from the same address does not get a new round of guesses.
        using var again = fixture.From("10.3.1.1");
        Assert.Equal(Text.LockedOut, await again.SignInAsync(user, password));
    }

    [Fact]
    public async Task SignInThroughATlsProxy_GetsASecureCookie()
    {
        var (user, password) = await fixture.AddUserAsync("tls");
        using var client = fixture.From("10.5.0.1");

        using var response = await client.PostFormAsync("/Account/Login", "/Account/Login",
            new Dictionary<string, string> { ["X-Forwarded-Proto"] = "https" },
            ("_handler", "login"), ("Input.UserName", user), ("Input.Password", password));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(FormClient.AuthCookie + "=", StringComparison.Ordinal));
        Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
    }
}

/// <summary>API keys expire (<c>Rag:Accounts:ApiKeyDays</c>), on an app of its own whose clock jumps a year.</summary>
public sealed class ApiKeyExpiryTests
{
    [Fact]
    public async Task ExpiredApiKey_Gets401_SayingItExpired()
    {
        using var data = new TempDirectory();
        Directory.CreateDirectory(data.File("corpus"));
        var clock = new ManualTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new HostedApp(data.File("rag.db"), data.File("corpus"),
            new Dictionary<string, string> { ["Logging:LogLevel:Default"] = "Warning" }, clock: clock);
        using var client = app.CreateClientWithKey(app.CreateApiKey(HostedApp.AdminUser));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/documents")).StatusCode);

        clock.Advance(TimeSpan.FromDays(366)); // the default is 365 days

        using var response = await client.GetAsync("/api/documents");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("expired", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
    }
}
