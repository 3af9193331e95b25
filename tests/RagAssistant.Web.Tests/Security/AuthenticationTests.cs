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
[Collection(SecurityWebAppCollection.Name)]
public sealed class AuthenticationTests(SecurityWebAppFixture fixture)
{
    private static readonly AccountText Text = UiText.Chinese.Account;

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
