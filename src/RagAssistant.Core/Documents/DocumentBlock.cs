namespace RagAssistant.Core.Documents;

/// <summary>One structural element of a parsed document, in reading order.</summary>
/// <param name="Page">1-based page number where the format has pages; otherwise null.</param>
public abstract record DocumentBlock(int? Page);

/// <summary>A heading; <paramref name="Level"/> 1 is the top level.</summary>
public sealed record HeadingBlock(int Level, string Text, int? Page = null) : DocumentBlock(Page);

/// <summary>A paragraph or list item. <paramref name="Locator"/> overrides the heading-path locator (e.g. "line 12").</summary>
public sealed record ParagraphBlock(string Text, int? Page = null, string? Locator = null) : DocumentBlock(Page);

/// <summary>A table with one combined header row (multi-row headers are joined by the reader).</summary>
public sealed record TableBlock(string? Caption, IReadOnlyList<string> Header, IReadOnlyList<TableRow> Rows, int? Page = null)
    : DocumentBlock(Page);

/// <summary>A table row with the locator a citation shows (e.g. "row 12").</summary>
public sealed record TableRow(IReadOnlyList<string> Cells, string Locator);
