using System.Text.RegularExpressions;
using RagAssistant.Core.Documents;

namespace RagAssistant.Ingestion.Readers.Office;

/// <summary>
/// Writes one region of a grid as document blocks: a lone cell in the first row above more rows is the table's
/// title (a heading); a single column becomes paragraphs; a single row one line; anything else a table whose header
/// row(s) are combined (<see cref="HeaderRows"/>) and whose rows cite their cells ("Sheet1!A5:C5", "table 2 row 5").
/// Merged text appears once, in its range's first cell.
/// </summary>
public static partial class GridTableWriter
{
    /// <param name="sectionName">The sheet's name: a title row repeating it is not repeated as a heading.</param>
    public static IEnumerable<DocumentBlock> Write(CellGrid grid, GridRegion region, int headingLevel, Func<int, bool>? isExcludedRow = null,
        string? sectionName = null)
    {
        var (r0, c0, r1, c1) = (region.FirstRow, region.FirstColumn, region.LastRow, region.LastColumn);
        var rows = Enumerable.Range(r0, r1 - r0 + 1).Where(r => isExcludedRow?.Invoke(r) != true && OwnCells(grid, r, c0, c1).Any()).ToList();
        if (rows.Count == 0) yield break;

        string? caption = null;
        var firstCells = OwnCells(grid, rows[0], c0, c1).ToList();
        if (rows.Count > 1 && firstCells.Count == 1 && c1 > c0 && !StartsNotes(grid, rows, c0, c1))
        {
            caption = HeaderRows.Clean(firstCells[0]);
            if (caption != sectionName) yield return new HeadingBlock(headingLevel, caption);
            rows.RemoveAt(0);
        }

        if (c0 == c1 || rows.All(r => OwnCells(grid, r, c0, c1).Count() == 1) && caption is null)
        {
            foreach (var r in rows)
                yield return new ParagraphBlock(string.Join(" | ", OwnCells(grid, r, c0, c1)), Locator: grid.Locator(r, c0, r, c1));
            yield break;
        }
        if (rows.Count == 1)
        {
            yield return new ParagraphBlock(string.Join(" | ", OwnCells(grid, rows[0], c0, c1)), Locator: grid.Locator(rows[0], c0, rows[0], c1));
            yield break;
        }

        // A column blank in every row is a spacer the layout put between groups of columns, not a column of the table.
        var columns = Enumerable.Range(c0, c1 - c0 + 1).Where(c => rows.Any(r => grid.Value(r, c).Length > 0)).ToList();
        var (names, headerBottom) = HeaderRows.Combine(grid, rows[0], columns, r => isExcludedRow?.Invoke(r) == true, lastRow: r1);
        var body = rows.Where(r => r > headerBottom)
            .Select(r => new TableRow(columns.Select(c => HeaderRows.Clean(grid.Own(r, c))).ToList(), grid.Locator(r, c0, r, c1)))
            .ToList();
        if (body.Count == 0)
        {
            // Everything looked like header: write the rows as they are rather than lose them in combined names.
            foreach (var r in rows)
                yield return new ParagraphBlock(string.Join(" | ", OwnCells(grid, r, c0, c1)), Locator: grid.Locator(r, c0, r, c1));
            yield break;
        }
        // The caption is already the heading above the table; repeating it in the context would say it twice.
        yield return new TableBlock(null, names, body);
    }

    /// <summary>Lone cells that each open with a note mark ('(a)', '1.', '*'): notes under a table, the first no title.</summary>
    private static bool StartsNotes(CellGrid grid, List<int> rows, int c0, int c1) =>
        rows.All(r => OwnCells(grid, r, c0, c1).Count() == 1) && rows.Take(2).All(r => NoteMark().IsMatch(OwnCells(grid, r, c0, c1).First()));

    [GeneratedRegex(@"^\s*(\(?[a-zA-Z0-9]{1,3}\)|[0-9]{1,2}[.、]\s|[*※†])")]
    private static partial Regex NoteMark();

    private static IEnumerable<string> OwnCells(CellGrid grid, int row, int first, int last)
    {
        for (var c = first; c <= last; c++)
        {
            var own = grid.Own(row, c);
            if (own.Length > 0) yield return HeaderRows.Clean(own);
        }
    }
}
