using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using RagAssistant.Accounts;
using RagAssistant.Testing;
using RagAssistant.Web.Accounts;
using RagAssistant.Web.Ingestion;

namespace RagAssistant.Web.Tests.Hosting;

/// <summary>
/// The real app hosted in the test process on a free port chosen by the OS (Kestrel, so a real browser can reach it),
/// over a given database and sample folder. By default with the hash embedder — quick to start, for tests about hosting,
/// streaming and queueing rather than retrieval quality; <c>useBuiltInModel</c> keeps the real embedding model.
/// </summary>
public sealed class HostedApp : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> _factory;

    /// <param name="embedder">The embedder the app gets; default: a <see cref="HashEmbeddingGenerator"/>.</param>
    /// <param name="useBuiltInModel">Keep the app's own embedding model (the real ONNX model) instead.</param>
    /// <param name="clock">The app's clock (sign-in throttles, key expiry, sessions); default: the system's.</param>
    public HostedApp(string databasePath, string sampleCorpus, IReadOnlyDictionary<string, string>? settings = null,
        IEmbeddingGenerator<string, Embedding<float>>? embedder = null, bool useBuiltInModel = false, TimeProvider? clock = null)
    {
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Rag:Storage:DatabasePath", databasePath);
            builder.UseSetting("Rag:Web:SampleCorpus", sampleCorpus);
            builder.UseSetting("urls", "http://127.0.0.1:0");
            // The first administrator gets a known password instead of a printed one.
            builder.UseSetting("Rag:Accounts:InitialAdminPassword", AdminPassword);
            // Every browser test signs in from 127.0.0.1, dozens a minute: the per-address sign-in limit is tested on its own.
            builder.UseSetting("Rag:Accounts:SignInAttemptsPerMinute", "10000");
            foreach (var (key, value) in settings ?? new Dictionary<string, string>()) builder.UseSetting(key, value);
            if (!useBuiltInModel) builder.ConfigureServices(services => services.AddSingleton(embedder ?? new HashEmbeddingGenerator()));
            if (clock is not null) builder.ConfigureServices(services => services.AddSingleton(clock));
        });
        _factory.UseKestrel();
        _factory.StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
    }

    public string BaseUrl { get; }
    public IServiceProvider Services => _factory.Services;
    public IngestionQueue Queue => Services.GetRequiredService<IngestionQueue>();

    /// <summary>The first administrator the app creates on an empty knowledge base, and their password.</summary>
    public const string AdminUser = "admin";
    public const string AdminPassword = "admin-password-for-tests";

    /// <summary>A client signed in as the administrator (by an API key), as other systems call the API.</summary>
    public HttpClient CreateClient() => CreateClientWithKey(_adminKey ??= CreateApiKey(AdminUser));

    /// <summary>A client that has not signed in.</summary>
    public HttpClient CreateAnonymousClient() => new() { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromMinutes(2) };

    /// <summary>A client that sends the given API key.</summary>
    public HttpClient CreateClientWithKey(string key)
    {
        var client = CreateAnonymousClient();
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.Header, key);
        return client;
    }

    /// <summary>
    /// A client signed in through the sign-in form (with the form's antiforgery token), holding the cookie as a browser
    /// does; it follows no redirects and, like a script, sends no Origin or Sec-Fetch-* headers of its own.
    /// </summary>
    public async Task<HttpClient> SignInAsync(string userName, string password)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
        {
            BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromMinutes(2),
        };
        var page = await client.GetStringAsync(WebAccountsServiceCollectionExtensions.SignInPath);
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        using var signedIn = await client.PostAsync(WebAccountsServiceCollectionExtensions.SignInPath, new FormUrlEncodedContent(
            [new("_handler", "login"), new("__RequestVerificationToken", token), new("Input.UserName", userName), new("Input.Password", password)]));
        if (signedIn.StatusCode != HttpStatusCode.Redirect || signedIn.Headers.Location?.OriginalString.Contains("Login", StringComparison.Ordinal) != false)
            throw new InvalidOperationException($"signing in {userName}: {(int)signedIn.StatusCode} to {signedIn.Headers.Location}");
        return client;
    }

    /// <summary>Creates an API key for a user of the app.</summary>
    public string CreateApiKey(string userName) =>
        Services.GetRequiredService<ApiKeys>().CreateAsync(userName, "tests", actor: "tests").GetAwaiter().GetResult().Key;

    private string? _adminKey;

    /// <summary>Waits until the queue has taken on the sample corpus (if it will) and finished it.</summary>
    public async Task SettleAsync(TimeSpan? expectJobsWithin = null)
    {
        var deadline = DateTime.UtcNow + (expectJobsWithin ?? TimeSpan.FromSeconds(10));
        while (Queue.Jobs.Count == 0 && DateTime.UtcNow < deadline) await Task.Delay(50);
        var finish = DateTime.UtcNow.AddMinutes(1);
        while (Queue.Pending > 0 && DateTime.UtcNow < finish) await Task.Delay(50);
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
