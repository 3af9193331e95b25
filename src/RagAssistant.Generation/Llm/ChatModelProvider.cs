using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace RagAssistant.Generation.Llm;

/// <summary>
/// The configured <see cref="ChatModel"/>, created on first use and kept for the life of the application (a GGUF model
/// loads once; an HTTP model keeps its connections and what it learned about the server). Registered as a singleton by
/// <see cref="LlmServiceCollectionExtensions.AddRagLlm"/>.
/// </summary>
public sealed class ChatModelProvider(IOptions<LlmOptions> options, ILoggerFactory? loggerFactory = null) : IDisposable
{
    private readonly Lock gate = new();
    private ChatModel? model;
    private bool disposed;

    /// <summary>
    /// Whether a model is configured: <c>Rag:Llm:Provider</c> is not <c>none</c>. Also true when the settings are
    /// invalid (only a provider other than none is checked), so a misconfigured model is reported by <see cref="Get"/>
    /// rather than silently replaced by extractive answers. Says nothing about whether the server answers.
    /// </summary>
    public bool IsConfigured => Read(out _)?.IsConfigured ?? true;

    /// <summary>
    /// The model, or null when none is configured. Created once, on the first call; unusable settings (unknown
    /// provider, missing endpoint, model file missing or not GGUF) throw an <see cref="LlmException"/> naming the
    /// setting, on this and every later call until the configuration is fixed.
    /// </summary>
    public ChatModel? Get()
    {
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (model is not null) return model;
            LlmOptions current;
            try
            {
                current = options.Value;
            }
            catch (OptionsValidationException e)
            {
                throw new LlmException(string.Join("; ", e.Failures), LlmFailure.Configuration, innerException: e);
            }
            if (!current.IsConfigured) return null;
            model = new ChatModel(current, loggerFactory);
            LlmLog.Configured((loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<ChatModelProvider>(), model.Describe());
            return model;
        }
    }

    /// <summary>
    /// <c>openai qwen2.5:7b at http://localhost:11434/v1</c>, <c>llama x.gguf at /models/x.gguf</c>, <c>none</c>, or
    /// <c>misconfigured: Rag:Llm:ModelPath: file not found: …</c> (from the settings; never throws).
    /// </summary>
    public string Describe() => model?.Describe() ?? Read(out var problem)?.Describe() ?? $"misconfigured: {problem}";

    public void Dispose()
    {
        lock (gate)
        {
            disposed = true;
            model?.Dispose();
            model = null;
        }
    }

    /// <summary>The settings, or null with the <paramref name="problem"/> when they fail validation.</summary>
    private LlmOptions? Read(out string? problem)
    {
        problem = null;
        try
        {
            return options.Value;
        }
        catch (OptionsValidationException e)
        {
            problem = string.Join("; ", e.Failures);
            return null;
        }
    }
}
