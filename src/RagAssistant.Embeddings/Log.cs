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
}
