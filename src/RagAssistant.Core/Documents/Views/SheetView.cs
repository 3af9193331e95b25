namespace RagAssistant.Core.Documents.Views;

/// <summary>A spreadsheet (xlsx) or CSV file as tables of shown cell text, one per visible sheet in workbook order.</summary>
public sealed record SheetView(IReadOnlyList<SheetTable> Sheets) : DocumentView
{
    /// <summary>Most rows kept per sheet; the rest is left out and the sheet marked <see cref="SheetTable.Truncated"/>.</summary>
    public const int MaxRows = 2000;

    /// <summary>
    /// The sheet and rows a citation locator points to (<see cref="SheetLocator"/> forms): a range names its sheet; a
    /// "row N" locator (CSV) the only sheet. A locator that names a sheet without rows (a heading path such as
    /// "工序卡 > 刀具") finds that sheet with <c>FirstRow</c> = <c>LastRow</c> = 0. Null when it points nowhere here.
    /// </summary>
    public SheetHighlight? Find(string locator)
    {
        if (SheetLocator.TryParse(locator, out var sheet, out var first, out var last))
        {
            var index = sheet is null ? (Sheets.Count == 1 ? 0 : -1) : IndexOf(sheet);
            return index < 0 ? null : new SheetHighlight(index, first, last);
        }
        var named = IndexOf(locator.Split(" > ")[0].Trim());
        return named < 0 ? null : new SheetHighlight(named, 0, 0);
    }

    private int IndexOf(string name)
    {
        for (var i = 0; i < Sheets.Count; i++)
            if (string.Equals(Sheets[i].Name, name, StringComparison.Ordinal)) return i;
        return -1;
    }
}

/// <summary>One sheet: its rows that hold something, with their 1-based row numbers as the spreadsheet shows them.</summary>
/// <param name="Columns">Column names of the cells in each row ("A", "C", "D" — empty and hidden columns are left out;
/// for CSV "A", "B", …).</param>
/// <param name="Truncated">True when the sheet has more than <see cref="SheetView.MaxRows"/> rows (or the workbook more
/// cells than ingestion reads) and the rest is not shown.</param>
public sealed record SheetTable(string Name, IReadOnlyList<string> Columns, IReadOnlyList<SheetRow> Rows, bool Truncated);

/// <summary>A row: its number (1-based, gaps where rows are empty or hidden) and its cells' shown text. A merged range's
/// text is in its top-left cell; its other cells are empty.</summary>
public sealed record SheetRow(int Number, IReadOnlyList<string> Cells);

/// <summary>Where a citation points in a <see cref="SheetView"/>: sheet index and inclusive row numbers (0 when none).</summary>
public sealed record SheetHighlight(int Sheet, int FirstRow, int LastRow)
{
    public bool Contains(int row) => row >= FirstRow && row <= LastRow && FirstRow > 0;
}
