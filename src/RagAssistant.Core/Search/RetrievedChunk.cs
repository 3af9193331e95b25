using RagAssistant.Core.Documents;

namespace RagAssistant.Core.Search;

/// <summary>A chunk with what a citation needs from its document.</summary>
public sealed record RetrievedChunk
{
    public required long ChunkId { get; init; }
    public required long DocumentId { get; init; }
    public required string Library { get; init; }
    public required string Source { get; init; }
    public required string Title { get; init; }
    public required string Kind { get; init; }
    public string? Identity { get; init; }
    public string? Revision { get; init; }
    public bool Superseded { get; init; }
    public int? Page { get; init; }
    public required string Locator { get; init; }
    public required string Context { get; init; }
    public required string Text { get; init; }
    public int TokenCount { get; init; }
    public IReadOnlyList<PageBox> Boxes { get; init; } = [];

    /// <summary>The text that was indexed: context line, then text (what EVAL.md's gold matching reads).</summary>
    public string IndexedText => ChunkDraft.ComposeIndexedText(Context, Text);
}
