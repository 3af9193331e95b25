namespace RagAssistant.Core.Documents;

/// <summary>The metadata of one document as ingestion determines it, before storage.</summary>
public sealed record DocumentInfo
{
    public required string Library { get; init; }
    /// <summary>Path of the file as ingested (relative to the working directory when inside it); the replacement key.</summary>
    public required string Source { get; init; }
    public required string FileName { get; init; }
    public required string Title { get; init; }
    public required string Kind { get; init; }
    public required DocumentRevision Revision { get; init; }
    public required string Sha256 { get; init; }
    public required long Size { get; init; }
    public int? Pages { get; init; }
    /// <summary>The content type detected from the bytes (markdown, text, csv, html, pdf, docx, xlsx).</summary>
    public required string ContentType { get; init; }
    public string Status { get; init; } = DocumentStatus.Ready;
    public IReadOnlyList<IngestNote> Warnings { get; init; } = [];
    /// <summary>Per-page status for paged formats (stored in the pages table).</summary>
    public IReadOnlyList<PageInfo> PageDetails { get; init; } = [];
    /// <summary>
    /// The original file's bytes (an archive entry's own bytes), stored with the document for viewing and download;
    /// null stores none. The store may decline to keep them (<c>Rag:Storage:KeepOriginals</c>).
    /// </summary>
    public byte[]? Content { get; init; }
}
