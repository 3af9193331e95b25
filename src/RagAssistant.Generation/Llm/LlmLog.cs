using Microsoft.Extensions.Logging;

namespace RagAssistant.Generation.Llm;

/// <summary>Log lines of the LLM provider layer (event ids 100–119, leaving the lower ones to the answer pipeline).</summary>
internal static partial class LlmLog
{
    [LoggerMessage(100, LogLevel.Warning, "{Label} answered {Status}; retry {Retry} of {MaxRetries} in {Seconds:0.##} s")]
    public static partial void Retrying(ILogger logger, string label, int status, int retry, int maxRetries, double seconds);

    [LoggerMessage(101, LogLevel.Information, "{Label} rejected {Field}; resending without it and sending later requests the same way")]
    public static partial void Rewriting(ILogger logger, string label, string field);

    [LoggerMessage(102, LogLevel.Information, "LLM: loaded {File} ({Megabytes:0.#} MB, {Parameters} parameters, context {Context} tokens) in {Milliseconds} ms")]
    public static partial void ModelLoaded(ILogger logger, string file, double megabytes, ulong parameters, int context, long milliseconds);

    [LoggerMessage(103, LogLevel.Information, "LLM: {Description}")]
    public static partial void Configured(ILogger logger, string description);

    [LoggerMessage(104, LogLevel.Debug, "llama.cpp: {Message}")]
    public static partial void Native(ILogger logger, string message);

    [LoggerMessage(105, LogLevel.Warning, "llama.cpp: {Message}")]
    public static partial void NativeError(ILogger logger, string message);
}
