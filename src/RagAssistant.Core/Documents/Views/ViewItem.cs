namespace RagAssistant.Core.Documents.Views;

/// <summary>What a <see cref="ViewItem"/> is; table rows are items of their own so a citation can highlight them.</summary>
public enum ViewItemKind
{
    Heading,
    Paragraph,
    /// <summary>A table's (combined) header row; <see cref="ViewItem.Cells"/> are the column names.</summary>
    TableHeader,
    TableRow,
    /// <summary>A self-contained record (a process-card operation, a card header) that was indexed as one chunk.</summary>
    Record,
}

/// <summary>One item of a <see cref="BlocksView"/>, in reading order.</summary>
/// <param name="Text">The text shown (a table row's cells joined by " | ").</param>
/// <param name="Locator">The item's own locator as the reader wrote it ("line 12", "row 5", "table 2 row 3",
/// "Sheet1!A5:K5"); null for paragraphs and headings that have none.</param>
public sealed record ViewItem(ViewItemKind Kind, string Text, string? Locator = null)
{
    /// <summary>Heading level, 1 the top; 0 for other items.</summary>
    public int Level { get; init; }

    /// <summary>The cells of a table row or header; empty for other items.</summary>
    public IReadOnlyList<string> Cells { get; init; } = [];

    /// <summary>Which table (0-based, in reading order) a header or row belongs to; null for other items.</summary>
    public int? Table { get; init; }

    /// <summary>The table's caption, on its header item.</summary>
    public string? Caption { get; init; }

    /// <summary>
    /// The locator a prose chunk in this item's section cites (its innermost clause number or its heading path), as the
    /// chunker computes it; null outside any heading.
    /// </summary>
    public string? Section { get; init; }
}
