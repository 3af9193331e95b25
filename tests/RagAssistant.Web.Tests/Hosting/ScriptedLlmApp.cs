using RagAssistant.Testing;

namespace RagAssistant.Web.Tests.Hosting;

/// <summary>
/// The app with an LLM configured — the scripted OpenAI-compatible server, no retries — over a one-document corpus (a
/// torque work instruction) and the hash embedder: quick to start, for tests about streaming and LLM failures rather
/// than retrieval quality. Started in <see cref="InitializeAsync"/>, once the corpus is ingested; <c>settings</c> add to
/// or replace the app's.
/// </summary>
public sealed class ScriptedLlmApp(IReadOnlyDictionary<string, string>? settings = null) : IAsyncLifetime
{
    private readonly TempDirectory _data = new();
    private HostedApp? _app;

    /// <summary>The question the corpus answers and the LLM is asked about.</summary>
    public const string Question = "M8 螺栓拧紧扭矩是多少？";

    public ScriptedOpenAiServer Llm { get; } = new();

    public HostedApp App => _app!;

    public async Task InitializeAsync()
    {
        _data.WriteText("corpus/WI-AS-021_扭矩紧固.md", "# WI-AS-021 扭矩紧固作业指导书\n\n## 3 拧紧要求\n\n支架总成 M8×1.25 螺栓拧紧扭矩要求：25±2 N·m。\n");
        var all = new Dictionary<string, string>
        {
            ["Rag:Llm:Provider"] = "openai",
            ["Rag:Llm:Endpoint"] = Llm.BaseUrl.ToString(),
            ["Rag:Llm:Model"] = "test-model",
            ["Rag:Llm:MaxRetries"] = "0",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) all[key] = value;
        _app = new HostedApp(_data.File("rag.db"), _data.File("corpus"), all);
        await _app.SettleAsync();
    }

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        await Llm.DisposeAsync();
        _data.Dispose();
    }
}
