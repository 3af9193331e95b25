using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RagAssistant.Accounts;
using RagAssistant.Core.Access;
using RagAssistant.Testing;
using RagAssistant.Web.Tests.Hosting;

namespace RagAssistant.Web.Tests.Security;

/// <summary>
/// The app the security tests (issue #19) attack: the hash embedder, no sample corpus, accounts, and small upload
/// limits so that "up to the limit" and "over it" are quick to send — <see cref="MaxUploadBytes"/> per request
/// (Rag:Web:MaxQueuedBytes, at its smallest allowed value) and per file.
/// </summary>
public sealed class SecurityAppFixture : IAsyncLifetime
{
    public const string LineA = "line-a";
    public const string LineB = "line-b";
    public const long MaxUploadBytes = 1_048_576;

    private readonly TempDirectory _data = new();
    private HostedApp? _app;
    private int _users;

    public HostedApp App => _app!;

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_data.File("corpus"));
        _app = new HostedApp(_data.File("rag.db"), _data.File("corpus"), new Dictionary<string, string>
        {
            ["Rag:Web:MaxQueuedBytes"] = MaxUploadBytes.ToString(),
            ["Rag:Ingestion:MaxFileBytes"] = MaxUploadBytes.ToString(),
            ["Logging:LogLevel:Default"] = "Warning",
        });
        return Task.CompletedTask;
    }

    /// <summary>A new account (unique name from <paramref name="prefix"/>) granted <paramref name="access"/> on <paramref name="library"/>.</summary>
    public async Task<(string User, string Password)> AddUserAsync(string prefix, string role, string library, string access)
    {
        var name = $"{prefix}{Interlocked.Increment(ref _users)}";
        var password = $"{name}-password-1";
        await App.Services.GetRequiredService<UserAccounts>().AddAsync(name, role, password, HostedApp.AdminUser);
        await App.Services.GetRequiredService<LibraryAccess>().GrantAsync(library, GrantSubject.User, name, access, HostedApp.AdminUser);
        return (name, password);
    }

    /// <summary>An API-key client of a new Editor of <paramref name="library"/>.</summary>
    public async Task<HttpClient> EditorAsync(string library = LineA)
    {
        var (user, _) = await AddUserAsync("editor", Roles.Editor, library, GrantAccess.Write);
        return App.CreateClientWithKey(App.CreateApiKey(user));
    }

    /// <summary>An API-key client of a new Reader of <paramref name="library"/>.</summary>
    public async Task<HttpClient> ReaderAsync(string library = LineA)
    {
        var (user, _) = await AddUserAsync("reader", Roles.Reader, library, GrantAccess.Read);
        return App.CreateClientWithKey(App.CreateApiKey(user));
    }

    /// <summary>Uploads one file through the API, waits for the queue and returns the stored document's id; fails unless it ended "done".</summary>
    public async Task<long> UploadAsync(HttpClient client, string fileName, byte[] bytes, string library = LineA)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(bytes), "files", fileName }, { new StringContent(library), "library" } };
        using var response = await client.PostAsync("/api/documents", form);
        if (response.StatusCode != HttpStatusCode.Accepted)
            throw new InvalidOperationException($"uploading {fileName}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var job = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("files")[0].GetProperty("job").GetGuid();
        await App.SettleAsync(TimeSpan.Zero);
        var finished = App.Queue.Find(job)!;
        return finished.DocumentId ?? throw new InvalidOperationException($"{fileName} was not stored: {finished.State} {finished.Reason}");
    }

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        _data.Dispose();
    }
}

/// <summary>The security tests share one app.</summary>
[CollectionDefinition(Name)]
public sealed class SecurityAppCollection : ICollectionFixture<SecurityAppFixture>
{
    public const string Name = "security app";
}
