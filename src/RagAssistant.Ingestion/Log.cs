using Microsoft.Extensions.Logging;

namespace RagAssistant.Ingestion;

internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Ingested {Source}: {Status}, {Chunks} chunks")]
    public static partial void FileIngested(ILogger logger, string source, string status, int chunks);

    [LoggerMessage(2, LogLevel.Warning, "Failed {Source}: {Reason}")]
    public static partial void FileFailed(ILogger logger, string source, string reason);

    [LoggerMessage(3, LogLevel.Error, "Unexpected error ingesting {Source}")]
    public static partial void FileCrashed(ILogger logger, Exception exception, string source);

    [LoggerMessage(4, LogLevel.Debug, "Skipped {Source}: {Reason}")]
    public static partial void FileSkipped(ILogger logger, string source, string reason);

    [LoggerMessage(5, LogLevel.Debug, "{File}: page {Page} could not be read ({ExceptionType})")]
    public static partial void PdfPageFailed(ILogger logger, string file, int page, string exceptionType);

    [LoggerMessage(6, LogLevel.Warning, "Document {DocumentId} cannot be shown in place: {Reason}")]
    public static partial void ViewUnavailable(ILogger logger, long documentId, string reason);

    [LoggerMessage(7, LogLevel.Information, "OCR runs on {Device} ({Reason}), {Workers} page(s) at a time")]
    public static partial void OcrDevice(ILogger logger, string device, string reason, int workers);

    [LoggerMessage(8, LogLevel.Debug, "{File}: OCR of page {Page} failed ({ExceptionType}: {Reason})")]
    public static partial void OcrPageFailed(ILogger logger, string file, int page, string exceptionType, string reason);
}
