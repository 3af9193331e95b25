namespace RagAssistant.Core.Documents;

/// <summary>A chunk as stored; <see cref="Model"/> is null until the chunk is embedded.</summary>
public sealed record StoredChunk(
    long Id,
    long DocumentId,
    int Ordinal,
    string Text,
    string Context,
    string Locator,
    int? Page,
    int TokenCount,
    string? Model)
{
    /// <summary>Where the chunk's text sits, per page it spans (paged formats only).</summary>
    public IReadOnlyList<PageBox> Boxes { get; init; } = [];

    /// <summary>Length of the stored vector; null until the chunk is embedded.</summary>
    public int? Dimension { get; init; }

    public string IndexedText => ChunkDraft.ComposeIndexedText(Context, Text);
}
