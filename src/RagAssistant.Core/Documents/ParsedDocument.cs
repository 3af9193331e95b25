namespace RagAssistant.Core.Documents;

/// <summary>What a reader makes of one file: its title, its blocks in reading order and what it noticed.</summary>
/// <param name="Title">The document's own title (first heading, HTML title) or null when it has none.</param>
/// <param name="Pages">Page count for paged formats; null otherwise.</param>
public sealed record ParsedDocument(
    string? Title,
    IReadOnlyList<DocumentBlock> Blocks,
    int? Pages = null,
    IReadOnlyList<IngestNote>? Warnings = null)
{
    public IReadOnlyList<IngestNote> Warnings { get; init; } = Warnings ?? [];

    /// <summary>
    /// Metadata the reader recognised by its label (a process card's header block: part number, revision, …), keyed by
    /// the <see cref="DocumentField"/> names. The classifier prefers these over patterns found in the text, because a
    /// labelled cell is unambiguous where free text is not. Empty when the reader recognised nothing.
    /// </summary>
    public IReadOnlyDictionary<string, string> Fields { get; init; } = new Dictionary<string, string>();

    /// <summary>Per-page status (text, needs OCR, empty, failed) for paged formats; empty for the others.</summary>
    public IReadOnlyList<PageInfo> PageDetails { get; init; } = [];
}
