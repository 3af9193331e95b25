using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
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
    private WebApplicationFactory<Program>? _factory;

    public string BaseUrl { get; private set; } = "";
    public IServiceProvider Services => _factory!.Services;
    public string DatabasePath => _data.File("rag.db");

    /// <summary>A client for the app's own origin.</summary>
    public HttpClient CreateClient() => new() { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromMinutes(2) };

    public async Task InitializeAsync()
    {
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Rag:Storage:DatabasePath", DatabasePath);
            builder.UseSetting("Rag:Web:SampleCorpus", RepositoryPaths.Corpus);
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            // A free port chosen by the OS: test runs (and a developer's running app) never collide.
            builder.UseSetting("urls", "http://127.0.0.1:0");
        });
        _factory.UseKestrel();
        _factory.StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First().TrimEnd('/');
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
        if (_factory is not null) await _factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _data.Dispose();
    }
}

/// <summary>All web tests share one app (ingesting the corpus takes a while) and, for the browser tests, one Chromium.</summary>
[CollectionDefinition(Name)]
public sealed class WebAppCollection : ICollectionFixture<WebAppFixture>, ICollectionFixture<BrowserFixture>
{
    public const string Name = "web app";
}
