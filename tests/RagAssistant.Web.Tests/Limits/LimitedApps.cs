using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using RagAssistant.Accounts;
using RagAssistant.Core.Access;
using RagAssistant.Core.Storage;
using RagAssistant.Web.Tests.Hosting;

namespace RagAssistant.Web.Tests.Limits;

/// <summary>Users and questions for the limit tests: each test makes its own users, so no test spends another's allowance.</summary>
public static class LimitedApps
{
    private static int _users;

    /// <summary>A new account (a unique name from <paramref name="prefix"/>) granted <paramref name="access"/> on the default library.</summary>
    public static async Task<(string User, string Password)> AddUserAsync(this HostedApp app, string prefix,
        string role = Roles.Reader, string access = GrantAccess.Read)
    {
        var name = $"{prefix}{Interlocked.Increment(ref _users)}";
        var password = $"{name}-password-1";
        await app.Services.GetRequiredService<UserAccounts>().AddAsync(name, role, password, HostedApp.AdminUser);
        await app.Services.GetRequiredService<LibraryAccess>().GrantAsync(Libraries.Default, GrantSubject.User, name, access, HostedApp.AdminUser);
        return (name, password);
    }

    /// <summary>An API-key client of a new user.</summary>
    public static async Task<HttpClient> KeyClientAsync(this HostedApp app, string prefix)
    {
        var (user, _) = await app.AddUserAsync(prefix);
        return app.CreateClientWithKey(app.CreateApiKey(user));
    }

    /// <summary>POST /api/ask, returning as soon as the headers arrive (a stream is then open until the response is disposed).</summary>
    public static Task<HttpResponseMessage> AskAsync(this HttpClient client, string question = ScriptedLlmApp.Question) =>
        client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/ask") { Content = JsonContent.Create(new { question }) },
            HttpCompletionOption.ResponseHeadersRead);

    /// <summary>Polls <paramref name="condition"/> until it holds; fails after 20 s.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"waited 20 s for {what}");
            await Task.Delay(20);
        }
    }
}
