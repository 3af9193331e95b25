using System.Text.RegularExpressions;
using RagAssistant.Ingestion.Readers.Office;

namespace RagAssistant.Ingestion.Readers.Cards;

/// <summary>
/// Finds a grid's operations table: the first row that has an operation-number column (工序号/工步号/Op No.) and at
/// least two more operations columns (工序名称, 设备, 刀具, 转速 …), with at least 60 % of its cells being such
/// names or header labels — a header-block row such as '工序号 | 60 | 工序名称 | 精车' is half values and does not
/// qualify. Its rows run until a section opens below it (技术要求, 更改记录, the approval row) or, after a blank
/// row, until a row without an operation number. A row without its own operation number (its number merged down
/// from the row above, or left blank) continues the operation above.
/// </summary>
public static partial class OperationsTableFinder
{
    public static OperationsTable? Find(CellGrid grid, int gridIndex)
    {
        for (var r = 0; r + 1 < grid.Rows; r++)
        {
            var table = TryHeaderAt(grid, gridIndex, r);
            if (table is not null) return table;
        }
        return null;
    }

    private static OperationsTable? TryHeaderAt(CellGrid grid, int gridIndex, int row)
    {
        int? opColumn = null;
        var operationsColumns = 0;
        var labels = 0;
        var cells = 0;
        int first = -1, last = -1;
        for (var c = 0; c < grid.Columns; c++)
        {
            var value = grid.Value(row, c);
            if (value.Length == 0) continue;
            if (first < 0) first = c;
            last = c;
            if (grid.IsHorizontalContinuation(row, c)) continue;
            cells++;
            if (opColumn is null && CardLabels.IsOperationNumberColumn(value)) { opColumn = c; labels++; }
            else if (CardLabels.IsOperationsColumn(value)) { operationsColumns++; labels++; }
            else if (CardLabels.FieldOf(value) is { } field)
            {
                // A row naming the part, material or revision is the card's header block, not its operations table.
                if (field.Length > 0 && field != Core.Documents.DocumentField.OperationNumber) return null;
                labels++;
            }
        }
        if (opColumn is null || operationsColumns < 2 || labels < cells * 0.6) return null;

        var (names, headerBottom) = HeaderRows.Combine(grid, row, first, last,
            r => LooksLikeOperationNumber(grid.Value(r, opColumn.Value)) && !grid.IsVerticalContinuation(r, opColumn.Value));
        var isSteps = CardLabels.Normalise(grid.Value(row, opColumn.Value)).StartsWith("工步", StringComparison.Ordinal);
        var rows = new List<OperationRow>();
        var lastRow = headerBottom;
        var sawBlank = false;
        for (var r = headerBottom + 1; r < grid.Rows; r++)
        {
            if (grid.RowIsEmpty(r, first, last)) { sawBlank = true; continue; }
            var lead = FirstText(grid, r);
            if (EndsTable(grid, r, lead)) break;
            var number = grid.Value(r, opColumn.Value);
            if ((sawBlank || grid.RowGapBefore[r]) && !LooksLikeOperationNumber(number)) break;
            if (CardLabels.FieldOf(lead) is not null && !LooksLikeOperationNumber(number)) break;
            sawBlank = false;

            var rowCells = new List<(string, string)>();
            for (var c = first; c <= last; c++)
            {
                if (grid.IsHorizontalContinuation(r, c)) continue;
                var value = grid.Value(r, c).Trim();
                if (value.Length > 0) rowCells.Add((names[c - first], value));
            }
            var continues = rows.Count > 0 && (number.Length == 0 || grid.IsVerticalContinuation(r, opColumn.Value));
            if (continues) rows[^1] = Join(rows[^1], r, rowCells);
            else rows.Add(new OperationRow(r, r, rowCells));
            lastRow = r;
        }
        if (rows.Count == 0) return null;
        return new OperationsTable(gridIndex, row, headerBottom, first, last, opColumn.Value, isSteps, names, rows, lastRow);
    }

    /// <summary>A section below the table starts: technical requirements, a change record, the approval row.</summary>
    internal static bool EndsTable(CellGrid grid, int row, string lead) =>
        CardLabels.StartsTechnicalRequirements(lead) || CardLabels.StartsChangeRecord(lead) || IsChangeHeader(grid, row) || ApprovalLabel().IsMatch(CardLabels.Normalise(lead));

    /// <summary>A row naming at least three change-record columns (标记, 处数, 更改文件号, 签字, 日期 …).</summary>
    internal static bool IsChangeHeader(CellGrid grid, int row)
    {
        var count = 0;
        for (var c = 0; c < grid.Columns; c++)
            if (!grid.IsHorizontalContinuation(row, c) && CardLabels.IsChangeColumn(grid.Value(row, c))) count++;
        return count >= 3;
    }

    internal static string FirstText(CellGrid grid, int row)
    {
        for (var c = 0; c < grid.Columns; c++)
            if (grid.Value(row, c).Length > 0) return grid.Value(row, c);
        return "";
    }

    internal static bool LooksLikeOperationNumber(string text) => OperationNumber().IsMatch(text.Trim());

    private static OperationRow Join(OperationRow previous, int row, List<(string Name, string Value)> cells)
    {
        var joined = previous.Cells.ToList();
        foreach (var (name, value) in cells)
        {
            var i = joined.FindIndex(x => x.Name == name);
            if (i < 0) joined.Add((name, value));
            else if (!joined[i].Value.Split('；').Contains(value)) joined[i] = (name, joined[i].Value + "；" + value);
        }
        return new OperationRow(previous.FirstRow, row, joined);
    }

    [GeneratedRegex(@"^(?:op|工序|工步)?\s*\d{1,4}[a-z]?$", RegexOptions.IgnoreCase)]
    private static partial Regex OperationNumber();

    [GeneratedRegex(@"^(编制|审核|批准|会签|标准化|校对|preparedby|checkedby|approvedby)")]
    private static partial Regex ApprovalLabel();
}
