using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using RagAssistant.Generation.Llm.Llama;

namespace RagAssistant.Generation.Llm;

/// <summary>
/// One configured language model on Semantic Kernel: <see cref="Kernel"/>'s <see cref="IChatCompletionService"/> is the
/// provider's — Semantic Kernel's OpenAI connector for any OpenAI-compatible endpoint, its Azure OpenAI connector, or
/// <see cref="LlamaChatCompletionService"/> for a local GGUF file. The HTTP providers run over an HttpClient whose
/// <see cref="LlmHttpHandler"/> retries, rewrites what picky servers reject and watches streams. Every failure leaves as
/// an <see cref="LlmException"/> naming provider, endpoint or file and reason; the caller's cancellation stays an
/// <see cref="OperationCanceledException"/>. Each call is bounded by <see cref="LlmOptions.TimeoutSeconds"/>.
/// </summary>
public sealed class ChatModel : IDisposable
{
    /// <summary>Sent as the key to OpenAI-compatible servers configured without one: local servers ignore it, the SDK requires one.</summary>
    private const string PlaceholderKey = "no-key";

    private readonly LlmOptions options;
    private readonly IChatCompletionService service;
    private readonly HttpClient? http;
    private readonly LlamaChatCompletionService? llama;
    private readonly string label;

    /// <summary>Builds the model described by <paramref name="options"/> (loading a GGUF file here);
    /// unusable settings throw an <see cref="LlmException"/> with <see cref="LlmFailure.Configuration"/>.</summary>
    public ChatModel(LlmOptions options, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options;
        var errors = options.Validate();
        if (errors.Count > 0) throw new LlmException(string.Join("; ", errors), LlmFailure.Configuration);
        if (!options.IsConfigured)
            throw new LlmException($"{LlmOptions.Section}:Provider is {LlmOptions.None}: no language model is configured", LlmFailure.Configuration);

        loggerFactory ??= NullLoggerFactory.Instance;
        var logger = loggerFactory.CreateLogger<ChatModel>();
        Provider = options.NormalizedProvider;
        var builder = Kernel.CreateBuilder();
        builder.Services.AddSingleton(loggerFactory);
        if (Provider == LlmOptions.Llama)
        {
            Model = Path.GetFileName(options.ModelPath!);
            Endpoint = Path.GetFullPath(options.ModelPath!);
            label = $"LLM provider {Provider} at {Endpoint}";
            llama = new LlamaChatCompletionService(options, label, logger);
            builder.Services.AddSingleton<IChatCompletionService>(llama);
        }
        else
        {
            Model = options.Model!.Trim();
            Endpoint = options.Endpoint!.Trim();
            label = $"LLM provider {Provider} at {Endpoint}";
            http = new HttpClient(new LlmHttpHandler(options, label, logger)
            {
                InnerHandler = new SocketsHttpHandler
                {
                    ConnectTimeout = TimeSpan.FromSeconds(options.TimeoutSeconds),
                    PooledConnectionLifetime = TimeSpan.FromMinutes(5), // pick up DNS changes of a long-running server
                },
            })
            {
                // The per-call deadline (StreamAsync/CompleteAsync) bounds everything, including the reads of a
                // streamed body, which HttpClient.Timeout does not cover once the headers have arrived.
                Timeout = Timeout.InfiniteTimeSpan,
            };
            // Handing Semantic Kernel our HttpClient also switches the SDK's own retries and network timeout off
            // (see LlmHttpHandler): the handler below is the only retry policy.
            if (Provider == LlmOptions.Azure)
                builder.AddAzureOpenAIChatCompletion(Model, Endpoint, options.ApiKey!.Trim(), httpClient: http);
            else
                builder.AddOpenAIChatCompletion(Model, endpoint: new Uri(Endpoint),
                    apiKey: string.IsNullOrWhiteSpace(options.ApiKey) ? PlaceholderKey : options.ApiKey.Trim(), httpClient: http);
        }
        Kernel = builder.Build();
        service = Kernel.GetRequiredService<IChatCompletionService>();
    }

    /// <summary><c>openai</c>, <c>azure</c> or <c>llama</c>.</summary>
    public string Provider { get; }

    /// <summary>The model id (azure: the deployment name), or the GGUF file name.</summary>
    public string Model { get; }

    /// <summary>The endpoint URL, or the GGUF file's full path.</summary>
    public string Endpoint { get; }

    /// <summary>The kernel whose chat completion service is this model's.</summary>
    public Kernel Kernel { get; }

    /// <summary><c>openai qwen2.5:7b at http://localhost:11434/v1</c>.</summary>
    public string Describe() => $"{Provider} {Model} at {Endpoint}";

    /// <summary>
    /// Streams the answer to <paramref name="history"/> as text deltas, with <see cref="LlmOptions.MaxOutputTokens"/>
    /// and <see cref="LlmOptions.Temperature"/>. Throws <see cref="LlmException"/> on any provider failure, including a
    /// stream that stops before the server finished it (never a silent partial answer).
    /// </summary>
    public async IAsyncEnumerable<string> StreamAsync(ChatHistory history, [EnumeratorCancellation] CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(history);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(TimeSpan.FromSeconds(options.TimeoutSeconds));
        var received = 0;
        IAsyncEnumerator<StreamingChatMessageContent> parts;
        try
        {
            parts = service.GetStreamingChatMessageContentsAsync(history, Settings(options.MaxOutputTokens), Kernel, deadline.Token)
                .GetAsyncEnumerator(deadline.Token);
        }
        catch (Exception e)
        {
            throw Translate(e, ct, deadline, received);
        }
        try
        {
            while (true)
            {
                string? text;
                try
                {
                    if (!await parts.MoveNextAsync().ConfigureAwait(false)) break;
                    text = parts.Current.Content;
                }
                catch (Exception e)
                {
                    var translated = Translate(e, ct, deadline, received);
                    if (ReferenceEquals(translated, e)) throw;
                    throw translated;
                }
                if (string.IsNullOrEmpty(text)) continue;
                received++;
                yield return text;
            }
        }
        finally
        {
            await DisposeQuietlyAsync(parts).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// A short non-streamed answer of at most <paramref name="maxOutputTokens"/> tokens (rewriting a follow-up question),
    /// at <see cref="LlmOptions.Temperature"/>. Failures as for <see cref="StreamAsync"/>.
    /// </summary>
    public async Task<string> CompleteAsync(ChatHistory history, int maxOutputTokens, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxOutputTokens, 1);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(TimeSpan.FromSeconds(options.TimeoutSeconds));
        try
        {
            var reply = await service.GetChatMessageContentAsync(history, Settings(maxOutputTokens), Kernel, deadline.Token).ConfigureAwait(false);
            return reply.Content ?? "";
        }
        catch (Exception e)
        {
            var translated = Translate(e, ct, deadline, received: -1);
            if (ReferenceEquals(translated, e)) throw;
            throw translated;
        }
    }

    public void Dispose()
    {
        http?.Dispose();
        llama?.Dispose();
    }

    private OpenAIPromptExecutionSettings Settings(int maxOutputTokens) =>
        new() { MaxTokens = maxOutputTokens, Temperature = options.Temperature };

    /// <summary>What the caller sees for <paramref name="e"/>: see <see cref="LlmErrors.Translate"/>.</summary>
    private Exception Translate(Exception e, CancellationToken ct, CancellationTokenSource deadline, int received) =>
        LlmErrors.Translate(e, label, Provider, ct, deadline.IsCancellationRequested && !ct.IsCancellationRequested, options.TimeoutSeconds, received);

    private static async ValueTask DisposeQuietlyAsync(IAsyncDisposable parts)
    {
        try
        {
            await parts.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or LlmException or HttpRequestException)
        {
            // Ending a stream early (the caller stopped reading, or it failed) may fail to close it cleanly; the
            // failure that matters was already reported.
        }
    }
}
