namespace RagAssistant.Core.Documents;

/// <summary>
/// Why a file was not ingested, as a code: the UI words it as a sentence in its own language, while the reason's text
/// (English, with the technical detail) goes to the CLI, the API, the log and the Admins' Status page.
/// </summary>
/// <remarks>Stored by name (ingest_jobs.problem), so the order is free; a name read back that is no longer known is <see cref="Unexpected"/>.</remarks>
public enum IngestProblem
{
    /// <summary>A reader failed in a way nobody anticipated (a bug or an odd file).</summary>
    Unexpected,
    /// <summary>No file at the path, or a folder where a file was named.</summary>
    NotFound,
    /// <summary>The file system refused to read it (permissions, I/O error).</summary>
    Unreadable,
    Empty,
    /// <summary>Over Rag:Ingestion:MaxFileBytes (or an archive entry over it).</summary>
    TooLarge,
    /// <summary>A type no reader reads (executable, compressed data, an unknown format).</summary>
    Unsupported,
    /// <summary>A Word/Excel/PowerPoint 97-2003 binary file: to be saved as .docx/.xlsx.</summary>
    LegacyFormat,
    /// <summary>A password-protected or encrypted PDF or Office file.</summary>
    PasswordProtected,
    /// <summary>A damaged, truncated or malformed file of a type we read.</summary>
    Damaged,
    /// <summary>Claimed as text but binary, or text in an encoding that cannot be decoded.</summary>
    NotText,
    /// <summary>Readable, but with no text in it (also after OCR).</summary>
    NoText,
    /// <summary>An image, which only OCR reads, while OCR is turned off.</summary>
    OcrOff,
    /// <summary>OCR could not run or could not read the file.</summary>
    OcrFailed,
    /// <summary>An image or page over the pixel limit.</summary>
    ImageTooLarge,
    /// <summary>Reading took longer than its time budget.</summary>
    TimedOut,
    /// <summary>Reading needed more memory than Rag:Ingestion:MaxDocumentMemoryBytes.</summary>
    OutOfMemory,
    /// <summary>The same content is stored under another name (skipped).</summary>
    Duplicate,
    /// <summary>An archive inside an archive (skipped).</summary>
    NestedArchive,
    /// <summary>An archive with more entries than Rag:Ingestion:MaxArchiveEntries.</summary>
    TooManyEntries,
    /// <summary>An archive entry whose name is unsafe (absolute, "..", control characters).</summary>
    UnsafeName,
    /// <summary>Cancelled by a user; nothing of it was stored.</summary>
    Cancelled,
    /// <summary>The app stopped while ingesting it, each of its attempts.</summary>
    Interrupted,
    /// <summary>The uploaded bytes kept for the queue are gone.</summary>
    Lost,
    /// <summary>Some entries of an archive failed; the others were ingested.</summary>
    EntriesFailed,
    /// <summary>The upload names a library that cannot exist (empty, too long, odd characters).</summary>
    BadLibrary,
    /// <summary>The user may not write to the library.</summary>
    NoWriteAccess,
    /// <summary>The ingestion queue is full (files or bytes waiting).</summary>
    QueueFull,
    /// <summary>The knowledge base or the embedding model failed: a server problem, not the file's.</summary>
    ServerError,
}

public static class IngestProblems
{
    /// <summary>The API's name of a code: snake case ("password_protected").</summary>
    public static string Name(this IngestProblem problem) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(problem.ToString());

    /// <summary>The code of a stored name; null stays null, an unknown name is <see cref="IngestProblem.Unexpected"/>.</summary>
    public static IngestProblem? Parse(string? name) =>
        name is null ? null : Enum.TryParse<IngestProblem>(name, out var problem) ? problem : IngestProblem.Unexpected;
}
