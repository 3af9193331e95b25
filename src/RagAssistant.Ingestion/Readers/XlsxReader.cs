using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Extensions.Options;
using RagAssistant.Core.Documents;
using RagAssistant.Ingestion.Detection;
using RagAssistant.Ingestion.Readers.Cards;
using RagAssistant.Ingestion.Readers.Office;

namespace RagAssistant.Ingestion.Readers;

/// <summary>
/// Excel workbooks (.xlsx): every visible sheet in workbook order, each under a heading with its name. A process
/// card anywhere in the workbook (<see cref="ProcessCardRecognizer"/>) becomes its header record and one record per
/// operation; everything else is split into separate tables (<see cref="GridRegions"/>) written by
/// <see cref="GridTableWriter"/>, citing "Sheet!A5:C5". Hidden sheets, rows and columns are left out and counted in
/// the warnings.
/// </summary>
public sealed class XlsxReader(IOptions<IngestionOptions> options) : IDocumentReader
{
    private readonly IngestionOptions _options = options.Value;

    public IReadOnlyCollection<string> ContentTypes { get; } = [Detection.ContentTypes.Xlsx];

    public ParsedDocument Read(ReaderInput input, CancellationToken cancellationToken)
    {
        OfficePackageGuard.Check(input.Bytes, _options);
        using var document = Open(input.Bytes);
        var workbook = document.WorkbookPart ?? throw new IngestionException(IngestProblem.Damaged, "not a workbook: the .xlsx has no workbook part");
        var strings = new SharedStrings(workbook.SharedStringTablePart);
        var styles = new NumberFormats(workbook.WorkbookStylesPart);
        var date1904 = workbook.Workbook?.WorkbookProperties?.Date1904?.Value == true;
        var sheetReader = new WorksheetReader(strings, styles, date1904);

        var warnings = new List<IngestNote>();
        var hiddenSheets = new List<string>();
        var names = new List<string>();
        var grids = new List<CellGrid>();
        int hiddenRows = 0, hiddenColumns = 0, budget = _options.MaxSpreadsheetCells;
        foreach (var sheet in workbook.Workbook?.Sheets?.Elements<Sheet>() ?? [])
        {
            cancellationToken.ThrowIfCancellationRequested();
            var name = sheet.Name?.Value ?? $"Sheet{names.Count + 1}";
            if (sheet.State?.Value is { } state && (state == SheetStateValues.Hidden || state == SheetStateValues.VeryHidden))
            {
                hiddenSheets.Add(name);
                continue;
            }
            if (sheet.Id?.Value is not { } id || workbook.GetPartById(id) is not WorksheetPart part) continue; // chart sheets hold no cells
            var read = sheetReader.Read(part, budget, cancellationToken);
            budget -= read.Cells.Count;
            if (read.Truncated)
                warnings.Add(new IngestNote(IngestWarning.SheetTruncated, $"sheet {name}: stopped after {_options.MaxSpreadsheetCells} cells (Rag:Ingestion:MaxSpreadsheetCells)")
                {
                    Name = name,
                    Count = _options.MaxSpreadsheetCells,
                });
            hiddenRows += read.HiddenRows.Count;
            hiddenColumns += read.HiddenColumns.Count;
            names.Add(name);
            grids.Add(read.Cells.Build((r0, c0, r1, c1) => CellReference.Range(name, r0, c0, r1, c1),
                read.HiddenRows.Contains, read.HiddenColumns.Contains));
        }
        if (hiddenSheets.Count > 0)
            warnings.Add(new IngestNote(IngestWarning.HiddenSheets, $"{hiddenSheets.Count} hidden sheet(s) skipped: {string.Join(", ", hiddenSheets)}")
            {
                Count = hiddenSheets.Count,
                Name = string.Join(", ", hiddenSheets),
            });
        if (hiddenRows > 0) warnings.Add(new IngestNote(IngestWarning.HiddenRows, $"{hiddenRows} hidden row(s) skipped") { Count = hiddenRows });
        if (hiddenColumns > 0) warnings.Add(new IngestNote(IngestWarning.HiddenColumns, $"{hiddenColumns} hidden column(s) skipped") { Count = hiddenColumns });

        var card = ProcessCardRecognizer.Recognize(grids, []);
        var blocks = new List<DocumentBlock>();
        for (var g = 0; g < grids.Count; g++)
        {
            if (grids[g].Rows == 0) continue;
            blocks.Add(new HeadingBlock(1, names[g]));
            blocks.AddRange(OfficeBlocks.ForGrid(grids[g], g, card, headingLevel: 2, names[g]));
        }
        var title = card?.Title();
        return new ParsedDocument(title ?? FirstTitle(grids), blocks, Warnings: warnings) { Fields = card?.Metadata ?? new Dictionary<string, string>() };
    }

    internal static SpreadsheetDocument Open(byte[] bytes)
    {
        try
        {
            return SpreadsheetDocument.Open(new MemoryStream(bytes, writable: false), false);
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or IOException or FormatException)
        {
            throw new IngestionException(IngestProblem.Damaged, $"corrupt .xlsx: {ex.Message}", ex);
        }
    }

    /// <summary>The first cell of the first sheet when it stands alone in its row (a title row), else none.</summary>
    private static string? FirstTitle(List<CellGrid> grids)
    {
        var grid = grids.FirstOrDefault(g => g.Rows > 0);
        if (grid is null) return null;
        var cells = Enumerable.Range(0, grid.Columns).Select(c => grid.Own(0, c)).Where(v => v.Length > 0).ToList();
        return cells.Count == 1 && cells[0].Length <= 80 ? HeaderRows.Clean(cells[0]) : null;
    }
}
