using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using RagAssistant.Ingestion.Readers.Office;

namespace RagAssistant.Ingestion.Readers.Word;

/// <summary>
/// A Word table as a <see cref="CellGrid"/>: w:gridBefore shifts a row's cells right, w:gridSpan merges across,
/// w:vMerge restart/continue merges down (a continuation cell's own text is ignored, as Word does not show it).
/// A table nested in a cell is flattened into that cell's text ('e f / g h': cells by spaces, rows by ' / ').
/// </summary>
internal static class WordTableGrid
{
    public static CellGrid Build(Table table, int tableNumber, List<TextBoxContent> textBoxes, HiddenRuns hidden)
    {
        var builder = new CellGridBuilder();
        var merges = new Dictionary<(int Row, int Column), (int LastRow, int LastColumn)>();
        var openVertical = new Dictionary<int, (int Row, int Column)>();
        var r = 0;
        foreach (var row in table.Elements<TableRow>())
        {
            r++;
            var c = row.TableRowProperties?.GetFirstChild<GridBefore>()?.Val?.Value ?? 0;
            foreach (var cell in row.Elements<TableCell>())
            {
                var properties = cell.TableCellProperties;
                var span = Math.Max(1, properties?.GridSpan?.Val?.Value ?? 1);
                var vMerge = properties?.VerticalMerge;
                var column = c + 1;
                if (vMerge is not null && (vMerge.Val is null || vMerge.Val.Value == MergedCellValues.Continue) && openVertical.TryGetValue(column, out var start))
                {
                    merges[start] = (r, merges[start].LastColumn);
                }
                else
                {
                    builder.Set(r, column, CellText(cell, textBoxes, hidden));
                    if (vMerge?.Val is not null && vMerge.Val.Value == MergedCellValues.Restart) openVertical[column] = (r, column);
                    else openVertical.Remove(column);
                    if (span > 1 || openVertical.ContainsKey(column)) merges[(r, column)] = (r, column + span - 1);
                }
                c += span;
            }
        }
        foreach (var ((r0, c0), (r1, c1)) in merges) builder.Merge(r0, c0, r1, c1);
        return builder.Build((r0, _, r1, _) => r0 == r1 ? $"table {tableNumber} row {r0}" : $"table {tableNumber} rows {r0}-{r1}", gaps: false);
    }

    private static string CellText(OpenXmlElement cell, List<TextBoxContent> textBoxes, HiddenRuns hidden)
    {
        var parts = new List<string>();
        foreach (var child in cell.ChildElements)
        {
            switch (child)
            {
                case Paragraph p: parts.Add(WordText.Of(p, textBoxes, hidden)); break;
                case Table nested: parts.Add(Flatten(nested, textBoxes, hidden)); break;
                case SdtBlock or CustomXmlBlock: parts.Add(CellText(child, textBoxes, hidden)); break;
                case SdtContentBlock: parts.Add(CellText(child, textBoxes, hidden)); break;
            }
        }
        return string.Join('\n', parts.Where(p => p.Length > 0));
    }

    private static string Flatten(Table table, List<TextBoxContent> textBoxes, HiddenRuns hidden) =>
        string.Join(" / ", table.Elements<TableRow>()
            .Select(row => string.Join(' ', row.Elements<TableCell>()
                .Where(cell => cell.TableCellProperties?.VerticalMerge is not { } v || v.Val is not null && v.Val.Value == MergedCellValues.Restart)
                .Select(cell => CellText(cell, textBoxes, hidden).Replace('\n', ' ')).Where(t => t.Length > 0)))
            .Where(t => t.Length > 0));
}
