using DocumentFormat.OpenXml.Packaging;
using RagAssistant.Core.Documents;
using RagAssistant.Core.Documents.Views;
using RagAssistant.Ingestion.Readers;
using RagAssistant.Ingestion.Readers.Office;
using Sheet = DocumentFormat.OpenXml.Spreadsheet.Sheet;
using SheetStateValues = DocumentFormat.OpenXml.Spreadsheet.SheetStateValues;

namespace RagAssistant.Ingestion.Viewing;

/// <summary>
/// A workbook's visible sheets as the viewer shows them, read with the same worksheet reader, package checks, cell
/// budget and hidden-sheet/row/column rules as <see cref="XlsxReader"/> — so a row cited as "工序卡!A14:K14" is row 14
/// here with the text that was indexed. Unlike the reader it keeps the grid as it is (no tables, no card records).
/// </summary>
internal static class XlsxSheets
{
    public static IReadOnlyList<SheetTable> Read(ReaderInput input, IngestionOptions options, CancellationToken cancellationToken)
    {
        OfficePackageGuard.Check(input.Bytes, options);
        using var document = XlsxReader.Open(input.Bytes);
        var workbook = document.WorkbookPart ?? throw new IngestionException(IngestProblem.Damaged, "not a workbook: the .xlsx has no workbook part");
        var sheetReader = new WorksheetReader(new SharedStrings(workbook.SharedStringTablePart), new NumberFormats(workbook.WorkbookStylesPart),
            workbook.Workbook?.WorkbookProperties?.Date1904?.Value == true);

        var tables = new List<SheetTable>();
        var budget = options.MaxSpreadsheetCells;
        var count = 0;
        foreach (var sheet in workbook.Workbook?.Sheets?.Elements<Sheet>() ?? [])
        {
            cancellationToken.ThrowIfCancellationRequested();
            var name = sheet.Name?.Value ?? $"Sheet{count + 1}";
            if (sheet.State?.Value is { } state && (state == SheetStateValues.Hidden || state == SheetStateValues.VeryHidden)) continue;
            if (sheet.Id?.Value is not { } id || workbook.GetPartById(id) is not WorksheetPart part) continue;
            count++;
            var read = sheetReader.Read(part, budget, cancellationToken);
            budget -= read.Cells.Count;
            var grid = read.Cells.Build((_, _, _, _) => "", read.HiddenRows.Contains, read.HiddenColumns.Contains, gaps: false);
            if (grid.Rows == 0) continue; // the reader leaves empty sheets out too

            var rows = new List<SheetRow>(Math.Min(grid.Rows, SheetView.MaxRows));
            for (var r = 0; r < Math.Min(grid.Rows, SheetView.MaxRows); r++)
                rows.Add(new SheetRow(grid.RowNumbers[r], [.. Enumerable.Range(0, grid.Columns).Select(c => grid.Own(r, c))]));
            tables.Add(new SheetTable(name, [.. grid.ColumnNumbers.Select(CellReference.ColumnName)], rows,
                Truncated: read.Truncated || grid.Rows > SheetView.MaxRows));
        }
        return tables;
    }
}
