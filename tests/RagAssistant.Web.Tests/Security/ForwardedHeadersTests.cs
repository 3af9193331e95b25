using System.Net;
using RagAssistant.Testing;
using RagAssistant.Web.Tests.Hosting;

namespace RagAssistant.Web.Tests.Security;

/// <summary>
/// The per-address sign-in limit behind a reverse proxy: each forwarded client has its own limit when the proxy is
/// trusted (<c>Rag:Web:KnownProxies</c>), and a forged <c>X-Forwarded-For</c> is ignored when it is not — on apps of
/// their own, since their small limit would refuse other tests' sign-ins.
/// </summary>
public sealed class ForwardedHeadersTests
{
    private const int Limit = 3;

    [Fact]
    public async Task BehindAKnownProxy_EachForwardedClientGetsItsOwnSignInLimit()
    {
        using var data = new TempDirectory();
        await using var app = Start(data, ("Rag:Web:KnownProxies:0", "127.0.0.1"));

        var first = await AttemptsAsync(app, Limit + 1, _ => "192.0.2.10");
        var second = await AttemptsAsync(app, 1, _ => "192.0.2.11");

        Assert.All(first[..Limit], s => Assert.NotEqual(HttpStatusCode.TooManyRequests, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, first[Limit]);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, Assert.Single(second));
    }

    [Fact]
    public async Task WithoutAKnownProxy_AForgedForwardedFor_DoesNotEscapeTheLimit()
    {
        using var data = new TempDirectory();
        await using var app = Start(data);

        var statuses = await AttemptsAsync(app, Limit + 1, i => $"198.51.100.{i + 1}");

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[Limit]);
    }

    private static HostedApp Start(TempDirectory data, params (string Key, string Value)[] settings)
    {
        Directory.CreateDirectory(data.File("corpus"));
        var all = new Dictionary<string, string>
        {
            ["Rag:Accounts:SignInAttemptsPerMinute"] = Limit.ToString(),
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings) all[key] = value;
        return new HostedApp(data.File("rag.db"), data.File("corpus"), all);
    }

    /// <summary>Sign-in posts (without an antiforgery token: refused after the limiter counted them) from the given addresses.</summary>
    private static async Task<List<HttpStatusCode>> AttemptsAsync(HostedApp app, int count, Func<int, string> forwardedFor)
    {
        using var client = app.CreateAnonymousClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/Account/Login")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["_handler"] = "login", ["Input.UserName"] = "admin", ["Input.Password"] = $"wrong-{i}",
                }),
            };
            request.Headers.Add("X-Forwarded-For", forwardedFor(i));
            using var response = await client.SendAsync(request);
            statuses.Add(response.StatusCode);
        }
        return statuses;
    }
}
