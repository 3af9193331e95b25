namespace RagAssistant.Core.Documents;

/// <summary>One structural element of a parsed document, in reading order.</summary>
/// <param name="Page">1-based page number where the format has pages; otherwise null.</param>
public abstract record DocumentBlock(int? Page);

/// <summary>A heading; <paramref name="Level"/> 1 is the top level.</summary>
public sealed record HeadingBlock(int Level, string Text, int? Page = null) : DocumentBlock(Page);

/// <summary>A paragraph or list item. <paramref name="Locator"/> overrides the heading-path locator (e.g. "line 12").</summary>
/// <param name="Boxes">Where the text sits on its page(s), for paged formats; merged per line.</param>
public sealed record ParagraphBlock(string Text, int? Page = null, string? Locator = null, IReadOnlyList<PageBox>? Boxes = null)
    : DocumentBlock(Page);

/// <summary>
/// A table with one combined header row (multi-row headers are joined by the reader into column paths,
/// "切削参数 › 转速 r/min"); an empty header when the table has no header row.
/// </summary>
public sealed record TableBlock(string? Caption, IReadOnlyList<string> Header, IReadOnlyList<TableRow> Rows, int? Page = null)
    : DocumentBlock(Page);

/// <summary>A table row with the locator a citation shows (e.g. "row 12", "Sheet1!A14:K14").</summary>
public sealed record TableRow(IReadOnlyList<string> Cells, string Locator, IReadOnlyList<PageBox>? Boxes = null);

/// <summary>
/// A self-contained record that becomes exactly one chunk (split only when it exceeds the maximum): a process-card
/// operation row written together with its card header and column names, a card's header block, a change record.
/// </summary>
public sealed record RecordBlock(string Text, string Locator, int? Page = null, IReadOnlyList<PageBox>? Boxes = null)
    : DocumentBlock(Page);
