using RagAssistant.Testing;

namespace RagAssistant.Web.Tests.Hosting;

/// <summary>
/// The app with an LLM configured — the scripted OpenAI-compatible server, no retries — over a one-document corpus (a
/// torque work instruction) and the hash embedder: quick to start, for tests about streaming and LLM failures rather
/// than retrieval quality. Started in <see cref="InitializeAsync"/>, once the corpus is ingested.
/// </summary>
public sealed class ScriptedLlmApp : IAsyncLifetime
{
    private readonly TempDirectory _data = new();
    private HostedApp? _app;

    public ScriptedOpenAiServer Llm { get; } = new();

    public HostedApp App => _app!;

    public async Task InitializeAsync()
    {
        _data.WriteText("corpus/WI-AS-021_扭矩紧固.md", "# WI-AS-021 扭矩紧固作业指导书\n\n## 3 拧紧要求\n\n支架总成 M8×1.25 螺栓拧紧扭矩要求：25±2 N·m。\n");
        _app = new HostedApp(_data.File("rag.db"), _data.File("corpus"), new Dictionary<string, string>
        {
            ["Rag:Llm:Provider"] = "openai",
            ["Rag:Llm:Endpoint"] = Llm.BaseUrl.ToString(),
            ["Rag:Llm:Model"] = "test-model",
            ["Rag:Llm:MaxRetries"] = "0",
        });
        await _app.SettleAsync();
    }

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        await Llm.DisposeAsync();
        _data.Dispose();
    }
}
