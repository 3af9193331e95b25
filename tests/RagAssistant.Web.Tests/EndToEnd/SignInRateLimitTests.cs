using System.Net;
using RagAssistant.Testing;
using RagAssistant.Web.Tests.Hosting;

namespace RagAssistant.Web.Tests.EndToEnd;

/// <summary>The per-address limit on sign-in attempts, on an app of its own (its small limit would refuse the other tests' sign-ins).</summary>
public sealed class SignInRateLimitTests
{
    [Fact]
    public async Task SignIn_BeyondTheAttemptsPerMinute_Gets429()
    {
        const int limit = 3;
        using var data = new TempDirectory();
        Directory.CreateDirectory(data.File("corpus"));
        await using var app = new HostedApp(data.File("rag.db"), data.File("corpus"), new Dictionary<string, string>
        {
            ["Rag:Accounts:SignInAttemptsPerMinute"] = limit.ToString(),
            ["Logging:LogLevel:Default"] = "Warning",
        });
        using var client = app.CreateAnonymousClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= limit; i++)
        {
            // No antiforgery token: the attempt is refused (400) after it is counted; the limiter runs first.
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "login", ["Input.UserName"] = HostedApp.AdminUser, ["Input.Password"] = $"wrong-{i}",
            });
            using var response = await client.PostAsync("/Account/Login", form);
            statuses.Add(response.StatusCode);
        }

        Assert.All(statuses[..limit], s => Assert.NotEqual(HttpStatusCode.TooManyRequests, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[limit]);
        // Other requests from the same address are not limited.
        using var health = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }
}
