using System.ComponentModel.DataAnnotations;

namespace RagAssistant.Storage.Sqlite;

/// <summary>Where the knowledge base lives. Bound from the configuration section <c>Rag:Storage</c>.</summary>
public sealed class SqliteStorageOptions
{
    public const string Section = "Rag:Storage";

    /// <summary>The SQLite file; relative paths are taken from the working directory. Default: <c>data/rag.db</c>.</summary>
    [Required]
    public string DatabasePath { get; set; } = "data/rag.db";

    /// <summary>
    /// Whether each document's original file is stored with it (table <c>document_files</c>), so the viewer can show a
    /// cited PDF page, sheet row or paragraph in place and offer the file for download. Costs about the files' size
    /// again in the database. Default true; when false, documents saved from then on keep no original (their earlier
    /// originals are dropped as they are re-ingested).
    /// </summary>
    public bool KeepOriginals { get; set; } = true;

    /// <summary>
    /// Seconds a write waits for another writer (the web app's ingestion, a `rag` command on the same file) before the
    /// database reports "busy"; user-facing writes are then retried a few times (<see cref="BusyRetry"/>). Every
    /// write transaction is kept short, so waits are normally milliseconds. Default 30.
    /// </summary>
    [Range(1, 3600)]
    public int BusyTimeoutSeconds { get; set; } = 30;
}
