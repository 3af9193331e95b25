using Microsoft.Extensions.Logging;

namespace RagAssistant.Embeddings;

internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Embeddings: {Model} on {Device} — {Reason}; {Graph}")]
    public static partial void DeviceChosen(ILogger logger, string model, string device, string reason, string graph);

    [LoggerMessage(2, LogLevel.Warning, "Embeddings: {Model} on cpu — {Reason}")]
    public static partial void DeviceFallback(ILogger logger, string model, string reason);

    [LoggerMessage(3, LogLevel.Warning, "Embeddings: {Truncated} of {Total} texts were longer than {MaxLength} tokens and were truncated")]
    public static partial void Truncated(ILogger logger, int truncated, int total, int maxLength);

    [LoggerMessage(4, LogLevel.Warning, "Embeddings: {Model} is English-centred: its vocabulary has only {Chinese} Chinese characters, so Chinese text is mostly [UNK]; set Rag:Embeddings:Model to a Chinese model folder (bge-small-zh) for Chinese")]
    public static partial void EnglishCentred(ILogger logger, string model, int chinese);

    [LoggerMessage(5, LogLevel.Information, "Embeddings: {Model} — built its fp16 CUDA graph {Path} from the int8 graph ({Dense} dense layers and {Tables} embedding tables dequantized, {Megabytes} MB, {Seconds:0.0} s)")]
    public static partial void Fp16GraphBuilt(ILogger logger, string model, string path, int dense, int tables, long megabytes, double seconds);

    [LoggerMessage(6, LogLevel.Warning, "Embeddings: {Model} — no fp16 CUDA graph could be built, so its int8 graph is used on CUDA: {Reason}")]
    public static partial void Fp16GraphFailed(ILogger logger, string model, string reason);
}
