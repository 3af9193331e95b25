using RagAssistant.Core.Storage;

namespace RagAssistant.Ingestion;

/// <summary>Where ingested documents go and how encrypted files are opened.</summary>
public sealed record IngestRequest(string Library = Libraries.Default)
{
    /// <summary>Passwords tried in order for encrypted files; never logged.</summary>
    public IReadOnlyList<string> Passwords { get; init; } = [];

    /// <summary>Told when a file moves to the next stage (<see cref="IngestStage"/>), for live progress in the web app.</summary>
    public Action<IngestStage>? OnStage { get; init; }

    /// <summary>Told (pages done, pages to read) while a document's scanned pages are read by OCR; called from several threads.</summary>
    public Action<int, int>? OnOcrPage { get; init; }

    /// <summary>
    /// Read, chunk and embed the file again even when its bytes are unchanged (re-indexing after a reader or model
    /// change); it replaces the stored document in one transaction.
    /// </summary>
    public bool Force { get; init; }

    /// <summary>The source name an upload is stored under, when it is not the file name (re-indexing a stored document).</summary>
    public string? Source { get; init; }
}

/// <summary>The stages of one file's ingestion, in order.</summary>
public enum IngestStage { Parsing, Embedding, Saving }
