using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using RagAssistant.Accounts;
using RagAssistant.Testing;
using RagAssistant.Web.Tests.Hosting;

namespace RagAssistant.Web.Tests.Security;

/// <summary>
/// An app for the authentication tests, as deployed behind a reverse proxy: 127.0.0.1 is its trusted proxy
/// (<c>Rag:Web:KnownProxies</c>), so each test picks its clients' addresses with <c>X-Forwarded-For</c> and one test's
/// failed sign-ins never throttle another's. Its clock stands still until a test moves it.
/// </summary>
public sealed class ProxiedAuthAppFixture : IAsyncLifetime
{
    public const int MaxFailedSignIns = 3;
    public const int LockoutMinutes = 15;

    private readonly TempDirectory _data = new();
    private HostedApp? _app;
    private int _users;

    public HostedApp App => _app!;
    public ManualTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_data.File("corpus"));
        _app = new HostedApp(_data.File("rag.db"), _data.File("corpus"), new Dictionary<string, string>
        {
            ["Rag:Web:KnownProxies:0"] = "127.0.0.1",
            ["Rag:Accounts:MaxFailedSignIns"] = MaxFailedSignIns.ToString(),
            ["Rag:Accounts:LockoutMinutes"] = LockoutMinutes.ToString(),
            ["Logging:LogLevel:Default"] = "Warning",
        }, clock: Clock);
        return Task.CompletedTask;
    }

    /// <summary>A client that fills the account forms, coming from <paramref name="address"/> through the proxy.</summary>
    public FormClient From(string address) => new(App.BaseUrl, forwardedFor: address);

    /// <summary>A new Reader (a unique name with <paramref name="prefix"/>) and their password.</summary>
    public async Task<(string User, string Password)> AddUserAsync(string prefix)
    {
        var name = $"{prefix}{Interlocked.Increment(ref _users)}";
        var password = $"{name}-password-1";
        await App.Services.GetRequiredService<UserAccounts>().AddAsync(name, "Reader", password, HostedApp.AdminUser);
        return (name, password);
    }

    public async Task<bool> CheckPasswordAsync(string userName, string password)
    {
        using var scope = App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<RagUser>>();
        return await users.CheckPasswordAsync((await users.FindByNameAsync(userName))!, password);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        _data.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class ProxiedAuthAppCollection : ICollectionFixture<ProxiedAuthAppFixture>
{
    public const string Name = "proxied authentication app";
}
