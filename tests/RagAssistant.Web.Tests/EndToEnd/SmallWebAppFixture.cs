using Microsoft.Extensions.AI;
using RagAssistant.Testing;
using RagAssistant.Web.Tests.Hosting;

namespace RagAssistant.Web.Tests.EndToEnd;

/// <summary>
/// A small app for browser tests about streaming, stopping and the ingestion queue rather than retrieval quality: two
/// sample documents, the hash embedder (slowed by <see cref="Embedder"/>'s delay when a test needs the queue to stay
/// busy), one ingestion worker and an LLM, the scripted OpenAI-compatible server <see cref="Llm"/>.
/// </summary>
public sealed class SmallWebAppFixture : IAsyncLifetime
{
    public const string TorqueDocument = "WI-AS-021_扭矩紧固.md";

    private readonly TempDirectory _data = new();
    private HostedApp? _app;

    public ScriptedOpenAiServer Llm { get; } = new();
    public DelayedEmbedder Embedder { get; } = new(new HashEmbeddingGenerator());
    public HostedApp App => _app!;
    public string BaseUrl => App.BaseUrl.TrimEnd('/');

    public async Task InitializeAsync()
    {
        _data.WriteText($"corpus/{TorqueDocument}", "# WI-AS-021 扭矩紧固作业指导书\n\n## 3 拧紧要求\n\n支架总成 M8×1.25 螺栓拧紧扭矩要求：25±2 N·m。\n");
        _data.WriteText("corpus/WI-QC-007_首件检验.md", "# WI-QC-007 首件检验规程\n\n## 2 检验频次\n\n每班开班、换型或换刀后须做首件检验，合格后方可批量生产。\n");
        _app = new HostedApp(_data.File("rag.db"), _data.File("corpus"), new Dictionary<string, string>
        {
            ["Rag:Llm:Provider"] = "openai",
            ["Rag:Llm:Endpoint"] = Llm.BaseUrl.ToString(),
            ["Rag:Llm:Model"] = "test-model",
            ["Rag:Llm:MaxRetries"] = "0",
            ["Rag:Web:IngestParallelism"] = "1",
            ["Logging:LogLevel:Default"] = "Warning",
        }, Embedder);
        await _app.SettleAsync();
    }

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        await Llm.DisposeAsync();
        _data.Dispose();
    }
}

/// <summary>An embedder that waits <see cref="Delay"/> (cancellably) before each batch: keeps the ingestion queue busy.</summary>
public sealed class DelayedEmbedder(IEmbeddingGenerator<string, Embedding<float>> inner) : IEmbeddingGenerator<string, Embedding<float>>
{
    public TimeSpan Delay { get; set; } = TimeSpan.Zero;

    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (Delay > TimeSpan.Zero) await Task.Delay(Delay, cancellationToken);
        return await inner.GenerateAsync(values, options, cancellationToken);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType.IsInstanceOfType(this) ? this : inner.GetService(serviceType, serviceKey);

    public void Dispose() => inner.Dispose();
}

/// <summary>The browser tests of the small app with an LLM: one app, and their own Chromium.</summary>
[CollectionDefinition(Name)]
public sealed class SmallWebAppCollection : ICollectionFixture<SmallWebAppFixture>, ICollectionFixture<BrowserFixture>
{
    public const string Name = "small web app with an LLM";
}

/// <summary>Browser tests against <see cref="SmallWebAppFixture"/>.</summary>
public abstract class SmallAppBrowserTest(SmallWebAppFixture app, BrowserFixture browser) : BrowserPageTest(browser)
{
    protected SmallWebAppFixture App { get; } = app;

    protected override string BaseUrl => App.BaseUrl;
}
