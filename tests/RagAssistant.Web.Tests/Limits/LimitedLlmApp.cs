using RagAssistant.Web.Tests.Hosting;

namespace RagAssistant.Web.Tests.Limits;

/// <summary>A class fixture: the scripted-LLM app (<see cref="ScriptedLlmApp"/>) with the given limits.</summary>
public abstract class LimitedLlmApp(IReadOnlyDictionary<string, string> settings) : IAsyncLifetime
{
    public ScriptedLlmApp Host { get; } = new(new Dictionary<string, string>(settings) { ["Logging:LogLevel:Default"] = "Warning" });

    public Task InitializeAsync() => Host.InitializeAsync();

    public Task DisposeAsync() => Host.DisposeAsync();
}
