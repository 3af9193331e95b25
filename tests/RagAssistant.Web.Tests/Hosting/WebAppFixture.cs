using Microsoft.Extensions.DependencyInjection;
using RagAssistant.Testing;
using RagAssistant.Web.Ingestion;
using RagAssistant.Web.Tests.EndToEnd;

namespace RagAssistant.Web.Tests.Hosting;

/// <summary>
/// The real app, hosted in the test process on a free port (Kestrel, so a real browser can reach it), with a fresh
/// SQLite file and the real built-in embedding model. On start it ingests the sample corpus (corpus/docs) through its
/// own background queue, exactly as a first start does; the fixture waits until that queue is idle.
/// </summary>
public sealed class WebAppFixture : IAsyncLifetime
{
    private readonly TempDirectory _data = new();
    private HostedApp? _app;

    public string BaseUrl => _app!.BaseUrl.TrimEnd('/');
    public IServiceProvider Services => _app!.Services;
    public string DatabasePath => _data.File("rag.db");

    /// <summary>A client for the app's own origin, signed in as the administrator (API key).</summary>
    public HttpClient CreateClient() => _app!.CreateClient();

    /// <summary>A client that has not signed in.</summary>
    public HttpClient CreateAnonymousClient() => _app!.CreateAnonymousClient();

    public HostedApp App => _app!;

    public async Task InitializeAsync()
    {
        _app = new HostedApp(DatabasePath, RepositoryPaths.Corpus,
            new Dictionary<string, string> { ["Logging:LogLevel:Default"] = "Warning" }, useBuiltInModel: true);
        await WaitForQueueAsync(TimeSpan.FromMinutes(4));
    }

    /// <summary>Waits until the ingestion queue has nothing left to do (the sample corpus, an upload).</summary>
    public async Task WaitForQueueAsync(TimeSpan timeout)
    {
        var queue = Services.GetRequiredService<IngestionQueue>();
        var deadline = DateTime.UtcNow + timeout;
        // The sample corpus is queued just after the app starts listening: wait for the first job to appear.
        while (queue.Jobs.Count == 0 && DateTime.UtcNow < deadline) await Task.Delay(100);
        while (queue.Pending > 0)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"the ingestion queue still has {queue.Pending} files after {timeout}");
            await Task.Delay(200);
        }
    }

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        _data.Dispose();
    }
}

/// <summary>All web tests share one app (ingesting the corpus takes a while) and, for the browser tests, one Chromium.</summary>
[CollectionDefinition(Name)]
public sealed class WebAppCollection : ICollectionFixture<WebAppFixture>, ICollectionFixture<BrowserFixture>
{
    public const string Name = "web app";
}
