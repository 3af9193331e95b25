namespace RagAssistant.Core.Documents;

/// <summary>A chunk as the chunker makes it, before it is stored.</summary>
/// <param name="Ordinal">0-based position in the document.</param>
/// <param name="Text">The chunk's own text.</param>
/// <param name="Context">Heading path or table caption that is prefixed to the text when indexing and embedding.</param>
/// <param name="Locator">Where a citation points: heading path, clause number, "row 12", "rows 2-9".</param>
/// <param name="Page">First page the chunk is on, where the format has pages.</param>
/// <param name="TokenCount">Tokens of <see cref="IndexedText"/>, counted by the configured counter.</param>
public sealed record ChunkDraft(int Ordinal, string Text, string Context, string Locator, int? Page, int TokenCount)
{
    /// <summary>Where the chunk's text sits, per page it spans (paged formats only).</summary>
    public IReadOnlyList<PageBox> Boxes { get; init; } = [];

    /// <summary>The chunk's embedding, stored with the chunk in the same transaction; null when not embedded.</summary>
    public ChunkVector? Vector { get; init; }

    /// <summary>The text that is indexed and embedded: the context line, then the text.</summary>
    public string IndexedText => ComposeIndexedText(Context, Text);

    public static string ComposeIndexedText(string context, string text) =>
        string.IsNullOrEmpty(context) ? text : context + "\n" + text;
}
