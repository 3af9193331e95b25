using RagAssistant.Core.Documents;
using RagAssistant.Ingestion.Readers.Office;

namespace RagAssistant.Ingestion.Readers.Cards;

/// <summary>
/// Recognises a process card (工艺过程卡, 工序卡, control plans and other operations sheets) across the grids of one
/// document — the sheets of a workbook or the tables of a Word file — and its loose paragraphs:
/// <list type="number">
/// <item>operations tables (<see cref="OperationsTableFinder"/>); without one nothing is recognised;</item>
/// <item>sections below them: 技术要求 and 更改记录 (titled, or a row of change-record columns) become one record each;</item>
/// <item>the header block: everything above an operations table, approval rows below it, and any other grid (a cover
/// sheet, a key–value table) that holds at least two header labels, read by <see cref="CardFieldReader"/>;</item>
/// <item>one record per operation: the carried header fields (part number, part name, drawing number, material,
/// revision; on a 工序卡 also its operation number, name and machine), then each cell with its column name, so one
/// chunk answers 'JD-2105 第60工序精车的转速和进给'.</item>
/// </list>
/// </summary>
public static class ProcessCardRecognizer
{
    private const string Separator = " | ";

    public static CardAnalysis? Recognize(IReadOnlyList<CellGrid> grids, IReadOnlyList<string> paragraphs)
    {
        var tables = grids.Select((g, i) => OperationsTableFinder.Find(g, i)).OfType<OperationsTable>().ToList();
        if (tables.Count == 0) return null;

        var consumed = grids.Select((_, i) => i).ToDictionary(i => i, _ => new HashSet<int>());
        foreach (var t in tables)
            for (var r = t.HeaderTop; r <= t.LastRow; r++) consumed[t.Grid].Add(r);

        var blocks = new List<(int Grid, int Row, DocumentBlock Block)>();
        for (var g = 0; g < grids.Count; g++) blocks.AddRange(Sections(grids[g], g, consumed[g]));

        var fields = new List<CardField>();
        var extras = new List<string>();
        string? cardType = null, cardTitle = null;
        var consumedParagraphs = new HashSet<int>();
        for (var i = 0; i < paragraphs.Count; i++)
        {
            if (CardLabels.CardTypeOf(paragraphs[i]) is { } type) { cardType ??= type; cardTitle ??= paragraphs[i].Trim(); continue; }
            var pairs = CardFieldReader.Pairs(paragraphs[i]);
            if (pairs.Count == 0) continue;
            fields.AddRange(pairs);
            consumedParagraphs.Add(i);
        }

        (int Grid, int First, int Last)? headerAnchor = null;
        for (var g = 0; g < grids.Count; g++)
        {
            var grid = grids[g];
            var table = tables.FirstOrDefault(t => t.Grid == g);
            var free = Enumerable.Range(0, grid.Rows).Where(r => !consumed[g].Contains(r) && !grid.RowIsEmpty(r)).ToList();
            List<int> headerRows;
            if (table is not null)
            {
                headerRows = free.Where(r => r < table.HeaderTop).ToList();
                headerRows.AddRange(free.Where(r => r > table.LastRow && HasLabel(grid, r)));
            }
            else headerRows = free;
            if (headerRows.Count == 0) continue;

            var read = CardFieldReader.Read(grid, headerRows);
            if (table is null && read.Fields.Count(f => f.Field.Length > 0) < 2 && read.CardType is null) continue;
            fields.AddRange(read.Fields);
            extras.AddRange(read.Extras);
            cardType ??= read.CardType;
            cardTitle ??= read.CardTitle;
            consumed[g].UnionWith(headerRows);
            headerAnchor ??= (g, headerRows.Min(), headerRows.Where(r => table is null || r < table.HeaderTop).DefaultIfEmpty(headerRows.Min()).Max());
        }

        var metadata = Metadata(fields, cardType, tables.Any(t => t.IsStepsTable));
        var prefix = Prefix(fields, tables.Any(t => t.IsStepsTable) && metadata.ContainsKey(DocumentField.OperationNumber));
        foreach (var t in tables)
        {
            var grid = grids[t.Grid];
            foreach (var op in t.Rows)
            {
                var cells = op.Cells.Select(x => x.Name.Length > 0 ? $"{x.Name}: {x.Value}" : x.Value);
                blocks.Add((t.Grid, op.FirstRow, new RecordBlock(string.Join(Separator, prefix.Concat(cells)),
                    grid.Locator(op.FirstRow, t.FirstColumn, op.LastRow, t.LastColumn))));
            }
        }

        var headerText = HeaderText(cardTitle, fields, extras);
        DocumentBlock? paragraphHeader = null;
        if (headerText is not null)
        {
            if (headerAnchor is { } a)
                blocks.Add((a.Grid, a.First, new RecordBlock(headerText, grids[a.Grid].Locator(a.First, 0, a.Last, grids[a.Grid].Columns - 1))));
            else paragraphHeader = new RecordBlock(headerText, "header");
        }

        return new CardAnalysis
        {
            Metadata = metadata,
            Fields = fields,
            Blocks = blocks.OrderBy(b => b.Grid).ThenBy(b => b.Row).ToList(),
            ParagraphHeader = paragraphHeader,
            ConsumedParagraphs = consumedParagraphs,
            ConsumedRows = consumed,
        };
    }

    private static bool HasLabel(CellGrid grid, int row)
    {
        for (var c = 0; c < grid.Columns; c++)
            if (CardLabels.FieldOf(grid.Own(row, c)) is not null) return true;
        return false;
    }

    private static Dictionary<string, string> Metadata(List<CardField> fields, string? cardType, bool hasStepsTable)
    {
        var metadata = new Dictionary<string, string>();
        foreach (var f in fields)
            if (f.Field.Length > 0 && f.Value.Length > 0) metadata.TryAdd(f.Field, f.Value);
        // An operation number in the header identifies the card only when the card describes that one operation.
        if (!hasStepsTable) metadata.Remove(DocumentField.OperationNumber);
        if (cardType is not null) metadata[DocumentField.CardType] = cardType;
        return metadata;
    }

    private static List<string> Prefix(List<CardField> fields, bool singleOperation)
    {
        var prefix = new List<string>();
        foreach (var name in CardLabels.CarriedFields)
            if (fields.FirstOrDefault(f => f.Field == name) is { } f) prefix.Add($"{f.Label}: {f.Value}");
        if (singleOperation)
            foreach (var f in fields.Where(f => CardLabels.IsOperationHeaderLabel(f.Label)).DistinctBy(f => f.Label))
                prefix.Add($"{f.Label}: {f.Value}");
        return prefix;
    }

    private static string? HeaderText(string? title, List<CardField> fields, List<string> extras)
    {
        if (fields.Count == 0 && extras.Count == 0) return null;
        var lines = new List<string>();
        if (title is not null) lines.Add(title);
        lines.AddRange(fields.Select(f => $"{f.Label}: {f.Value}"));
        lines.AddRange(extras.Where(e => e != title));
        return string.Join('\n', lines);
    }

    /// <summary>技术要求 and 更改记录 sections in rows not yet used; each becomes one record.</summary>
    private static IEnumerable<(int, int, DocumentBlock)> Sections(CellGrid grid, int g, HashSet<int> consumed)
    {
        for (var r = 0; r < grid.Rows; r++)
        {
            if (consumed.Contains(r)) continue;
            var lead = OperationsTableFinder.FirstText(grid, r);
            var tech = CardLabels.StartsTechnicalRequirements(lead);
            var change = !tech && (CardLabels.StartsChangeRecord(lead) || OperationsTableFinder.IsChangeHeader(grid, r));
            if (!tech && !change) continue;
            var last = r;
            while (last + 1 < grid.Rows && !consumed.Contains(last + 1) && !grid.RowGapBefore[last + 1] && !StartsSection(grid, last + 1)) last++;
            for (var i = r; i <= last; i++) consumed.Add(i);
            var text = tech ? TechnicalText(grid, r, last) : ChangeText(grid, r, last);
            if (text.Length > 0) yield return (g, r, new RecordBlock(text, grid.Locator(r, 0, last, grid.Columns - 1)));
            r = last;
        }
    }

    private static bool StartsSection(CellGrid grid, int row)
    {
        var lead = OperationsTableFinder.FirstText(grid, row);
        return CardLabels.StartsTechnicalRequirements(lead) || CardLabels.StartsChangeRecord(lead)
               || OperationsTableFinder.EndsTable(grid, row, lead) && !OperationsTableFinder.IsChangeHeader(grid, row);
    }

    private static string TechnicalText(CellGrid grid, int first, int last)
    {
        var lines = new List<string>();
        for (var r = first; r <= last; r++)
        {
            var cells = OwnCells(grid, r).ToList();
            if (cells.Count > 0) lines.Add(string.Join(" ", cells));
        }
        return string.Join('\n', lines);
    }

    private static string ChangeText(CellGrid grid, int first, int last)
    {
        var lines = new List<string>();
        var header = -1;
        for (var r = first; r <= last; r++)
        {
            if (header < 0 && OperationsTableFinder.IsChangeHeader(grid, r)) { header = r; continue; }
            if (header < 0)
            {
                lines.Add(string.Join(" ", OwnCells(grid, r)));
                continue;
            }
            var pairs = new List<string>();
            for (var c = 0; c < grid.Columns; c++)
            {
                var value = grid.Own(r, c).Trim();
                if (value.Length == 0) continue;
                var name = HeaderRows.Clean(grid.Value(header, c));
                pairs.Add(name.Length > 0 ? $"{name}: {value}" : value);
            }
            if (pairs.Count > 0) lines.Add(string.Join(Separator, pairs));
        }
        if (lines.Count == 0 || !CardLabels.StartsChangeRecord(lines[0])) lines.Insert(0, "更改记录");
        return string.Join('\n', lines);
    }

    private static IEnumerable<string> OwnCells(CellGrid grid, int row)
    {
        for (var c = 0; c < grid.Columns; c++)
        {
            var own = grid.Own(row, c).Trim();
            if (own.Length > 0) yield return HeaderRows.Clean(own);
        }
    }
}
