namespace RagAssistant.Web;

internal static partial class Log
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Ingestion of {File} finished: {State} {Reason}")]
    public static partial void JobFinished(ILogger logger, string file, string state, string? reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Ingestion of {File} crashed")]
    public static partial void JobCrashed(ILogger logger, Exception exception, string file);

    [LoggerMessage(Level = LogLevel.Information, Message = "Resumed {Count} ingestion jobs left unfinished by the last run")]
    public static partial void JobsResumed(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "The stored ingestion jobs could not be read; unfinished ones will not resume: {Reason}")]
    public static partial void JobsNotLoaded(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "The ingestion job of {File} could not be saved: {Reason}")]
    public static partial void JobNotSaved(ILogger logger, string file, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "The audit line for the ingestion of {File} could not be written")]
    public static partial void AuditFailed(ILogger logger, Exception exception, string file);

    [LoggerMessage(Level = LogLevel.Warning, Message = "An ingestion listener failed")]
    public static partial void ListenerFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "First start: ingesting the sample corpus {Folder} ({Files} files) in the background")]
    public static partial void SampleCorpusQueued(ILogger logger, string folder, int files);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sample corpus not ingested: {Reason}")]
    public static partial void SampleCorpusSkipped(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "RagAssistant is running at {Urls}")]
    public static partial void Listening(ILogger logger, string urls);

    [LoggerMessage(Level = LogLevel.Error, Message = "Answering failed")]
    public static partial void AnswerFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The language model failed: {Detail}")]
    public static partial void LlmFailed(ILogger logger, string detail);

    [LoggerMessage(Level = LogLevel.Information, Message = "Backup written to {File} ({Bytes} bytes, {Documents} documents)")]
    public static partial void BackupTaken(ILogger logger, string file, long bytes, long documents);

    [LoggerMessage(Level = LogLevel.Information, Message = "Old backup {File} deleted (Rag:Backup:Keep)")]
    public static partial void BackupPruned(ILogger logger, string file);

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduled backup failed: {Reason}")]
    public static partial void BackupFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Account change by {Actor} refused ({Problem}): {Detail}")]
    public static partial void AccountChangeRefused(ILogger logger, string actor, RagAssistant.Accounts.AccountProblem problem, string detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The shared ingestion queue could not be read or a lease renewed: {Reason}")]
    public static partial void ClaimFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Took over the ingestion of {File}: the app instance that ran it stopped renewing its lease")]
    public static partial void JobTakenOver(ILogger logger, string file);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stopped ingesting {File}: its lease was lost (cancelled or taken over on another app instance)")]
    public static partial void JobLeaseLost(ILogger logger, string file);
}
