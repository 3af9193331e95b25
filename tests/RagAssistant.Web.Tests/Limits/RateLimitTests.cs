using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RagAssistant.Accounts;
using RagAssistant.Core.Access;
using RagAssistant.Testing;
using RagAssistant.Web.Tests.Hosting;

namespace RagAssistant.Web.Tests.Limits;

/// <summary>
/// Per-user rates (Rag:Limits:AsksPerMinute, UploadsPerMinute): past the burst a user gets 429 with Retry-After and
/// the API's error naming the limit, whether signed in by an API key or a cookie; other users keep their own allowance.
/// </summary>
public sealed class RateLimitTests(RateLimitTests.App fixture) : IClassFixture<RateLimitTests.App>
{
    /// <summary>The app with two questions and one upload per user and minute; answers are extractive (no LLM).</summary>
    public sealed class App : IAsyncLifetime
    {
        private readonly TempDirectory _data = new();

        public HostedApp Host { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            _data.WriteText("corpus/WI-AS-021.md", "# WI-AS-021 扭矩紧固作业指导书\n\n支架总成 M8×1.25 螺栓拧紧扭矩要求：25±2 N·m。\n");
            Host = new HostedApp(_data.File("rag.db"), _data.File("corpus"), new Dictionary<string, string>
            {
                ["Rag:Limits:AsksPerMinute"] = "2",
                ["Rag:Limits:AskBurst"] = "2",
                ["Rag:Limits:UploadsPerMinute"] = "1",
                ["Rag:Limits:UploadBurst"] = "1",
                ["Logging:LogLevel:Default"] = "Warning",
            });
            await Host.SettleAsync();
        }

        public async Task DisposeAsync()
        {
            await Host.DisposeAsync();
            _data.Dispose();
        }
    }

    private HostedApp Host => fixture.Host;

    [Fact]
    public async Task Ask_BeyondTheUsersRate_Gets429WithRetryAfter_ByApiKey_WhileAnotherUserIsAnswered()
    {
        using var alice = await Host.KeyClientAsync("alice");
        using var bob = await Host.KeyClientAsync("bob");

        await AnsweredAsync(alice);
        await AnsweredAsync(alice);
        using var refused = await alice.AskAsync();

        await AssertRefusedAsync(refused, HttpStatusCode.TooManyRequests, "Rag:Limits:AsksPerMinute");
        // Two a minute: the next question is one refill (30 s) away.
        Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 30);
        await AnsweredAsync(bob);
    }

    [Fact]
    public async Task Ask_BeyondTheUsersRate_Gets429ForACookieSession_AndForThatUsersApiKeyToo()
    {
        var (carol, password) = await Host.AddUserAsync("carol");
        using var session = await Host.SignInAsync(carol, password);
        // A script holding the cookie, as a browser page's fetch would: the cross-site guard wants the app's own origin.
        session.DefaultRequestHeaders.Add("Origin", Host.BaseUrl.TrimEnd('/'));

        await AnsweredAsync(session);
        await AnsweredAsync(session);
        using var refused = await session.AskAsync();
        await AssertRefusedAsync(refused, HttpStatusCode.TooManyRequests, "Rag:Limits:AsksPerMinute");

        // The allowance is the user's, not the credential's: a key of the same user does not start afresh.
        using var key = Host.CreateClientWithKey(Host.CreateApiKey(carol));
        using var alsoRefused = await key.AskAsync();
        await AssertRefusedAsync(alsoRefused, HttpStatusCode.TooManyRequests, "Rag:Limits:AsksPerMinute");
    }

    [Fact]
    public async Task Upload_BeyondTheUsersRate_Gets429WithRetryAfter()
    {
        var (editor, _) = await Host.AddUserAsync("editor", Roles.Editor, GrantAccess.Write);
        using var client = Host.CreateClientWithKey(Host.CreateApiKey(editor));

        using var first = await UploadAsync(client, "first.md");
        using var second = await UploadAsync(client, "second.md");

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        await AssertRefusedAsync(second, HttpStatusCode.TooManyRequests, "Rag:Limits:UploadsPerMinute");
        Assert.InRange(second.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 60);
    }

    private static async Task AnsweredAsync(HttpClient client)
    {
        using var response = await client.AskAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(await ServerSentEvents.ReadAllAsync(response), e => e.Name == "done");
    }

    /// <summary>The status, a Retry-After of at least a second, and the API's error naming the limit's setting.</summary>
    internal static async Task AssertRefusedAsync(HttpResponseMessage response, HttpStatusCode status, string setting)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.True(response.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), $"Retry-After: {response.Headers.RetryAfter}");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(setting, body.GetProperty("limit").GetString());
        Assert.Contains(setting, body.GetProperty("error").GetString());
        Assert.Equal((int)response.Headers.RetryAfter!.Delta!.Value.TotalSeconds, body.GetProperty("retryAfterSeconds").GetInt32());
    }

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, string name)
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent("# Upload\n\nA small note on torque checks.\n"u8.ToArray()), "files", name } };
        return client.PostAsync("/api/documents", form);
    }
}
