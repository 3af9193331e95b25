using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;
using LLama;
using LLama.Common;
using LLama.Sampling;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using Microsoft.SemanticKernel.Services;
using AuthorRole = Microsoft.SemanticKernel.ChatCompletion.AuthorRole;
using ChatHistory = Microsoft.SemanticKernel.ChatCompletion.ChatHistory;

namespace RagAssistant.Generation.Llm.Llama;

/// <summary>
/// Semantic Kernel chat completion over a local GGUF model through LLamaSharp (no LLamaSharp.semantic-kernel package is
/// served here). The weights load once, in the constructor; each call runs a fresh <see cref="StatelessExecutor"/>
/// context on them, one call at a time (two generations at once would only split the same CPU cores). Reads
/// <c>MaxTokens</c> and <c>Temperature</c> from the execution settings (temperature 0 = greedy, reproducible).
/// </summary>
internal sealed class LlamaChatCompletionService : IChatCompletionService, IDisposable
{
    private readonly LLamaWeights weights;
    private readonly ModelParams parameters;
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly LlmOptions options;
    private readonly string label;
    private readonly ILogger logger;
    private readonly string modelId;

    /// <summary>Loads <see cref="LlmOptions.ModelPath"/> (checked to be GGUF before); load failures are <see cref="LlmException"/>s.</summary>
    public LlamaChatCompletionService(LlmOptions options, string label, ILogger logger)
    {
        this.options = options;
        this.label = label;
        this.logger = logger;
        var path = Path.GetFullPath(options.ModelPath!);
        modelId = Path.GetFileName(path);
        LlamaNativeLog.RouteTo(logger);
        parameters = new ModelParams(path)
        {
            ContextSize = (uint)options.ContextSize,
            Threads = options.Threads > 0 ? options.Threads : null,
            GpuLayerCount = 0, // the CPU backend is the one referenced; a GPU backend package would change this
        };
        var clock = Stopwatch.StartNew();
        try
        {
            weights = LLamaWeights.LoadFromFile(parameters);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new LlmException($"{label} could not be loaded: {e.Message}", LlmFailure.Model, innerException: e);
        }
        LlmLog.ModelLoaded(logger, modelId, weights.SizeInBytes / 1e6, weights.ParameterCount, options.ContextSize, clock.ElapsedMilliseconds);
        Attributes = new Dictionary<string, object?> { [AIServiceExtensions.ModelIdKey] = modelId };
    }

    public IReadOnlyDictionary<string, object?> Attributes { get; }

    public async Task<IReadOnlyList<ChatMessageContent>> GetChatMessageContentsAsync(
        ChatHistory chatHistory, PromptExecutionSettings? executionSettings = null, Kernel? kernel = null,
        CancellationToken cancellationToken = default)
    {
        var text = new StringBuilder();
        await foreach (var part in GetStreamingChatMessageContentsAsync(chatHistory, executionSettings, kernel, cancellationToken).ConfigureAwait(false))
            text.Append(part.Content);
        return [new ChatMessageContent(AuthorRole.Assistant, text.ToString()) { ModelId = modelId }];
    }

    public async IAsyncEnumerable<StreamingChatMessageContent> GetStreamingChatMessageContentsAsync(
        ChatHistory chatHistory, PromptExecutionSettings? executionSettings = null, Kernel? kernel = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chatHistory);
        var settings = OpenAIPromptExecutionSettings.FromExecutionSettings(executionSettings);
        var prompt = LlamaPrompt.Build(chatHistory, weights);
        var promptTokens = weights.Tokenize(prompt.Text, true, true, Encoding.UTF8).Length;
        if (promptTokens >= options.ContextSize)
            throw new LlmException(
                $"{label}: the prompt is {promptTokens} tokens, which does not fit the context of {options.ContextSize} (Rag:Llm:ContextSize)",
                LlmFailure.Model);
        // The answer gets what the context has left after the prompt, at most the requested tokens.
        var maxTokens = Math.Min(settings.MaxTokens ?? options.MaxOutputTokens, options.ContextSize - promptTokens);

        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var executor = new StatelessExecutor(weights, parameters, logger);
            using var sampling = new DefaultSamplingPipeline { Temperature = (float)(settings.Temperature ?? options.Temperature) };
            var inference = new InferenceParams { MaxTokens = maxTokens, AntiPrompts = prompt.Stops, SamplingPipeline = sampling };
            var filter = new StopSequenceFilter(prompt.Stops, trimStart: !prompt.Continues);
            await foreach (var piece in executor.InferAsync(prompt.Text, inference, cancellationToken).ConfigureAwait(false))
            {
                var text = filter.Push(piece);
                if (text.Length > 0) yield return new StreamingChatMessageContent(AuthorRole.Assistant, text) { ModelId = modelId };
                if (filter.Stopped) yield break;
            }
            var rest = filter.Flush();
            if (rest.Length > 0) yield return new StreamingChatMessageContent(AuthorRole.Assistant, rest) { ModelId = modelId };
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose()
    {
        weights.Dispose();
        gate.Dispose();
    }
}
