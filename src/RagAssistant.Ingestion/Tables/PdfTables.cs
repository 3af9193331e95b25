using Microsoft.Extensions.Logging.Abstractions;
using RagAssistant.Core.Documents;
using RagAssistant.Ingestion.Detection;
using RagAssistant.Ingestion.Readers;
using RagAssistant.Ingestion.Readers.Pdf;

namespace RagAssistant.Ingestion.Tables;

/// <summary>One cell of a found table: 0-based row and column counted through the whole table (a table continued on
/// the next page keeps counting), its spans, text, page (1-based) and box; header cells included.</summary>
public sealed record FoundCell(int Row, int Col, int RowSpan, int ColSpan, string Text, int Page, PageBox? Box, bool Header);

/// <summary>A table as the PDF reader found it: where it starts and ends, its caption, header rows and cells.</summary>
public sealed record FoundTable(int Page, int LastPage, string? Caption, int HeaderRows, int Rows, int Columns, bool Ruled, IReadOnlyList<FoundCell> Cells);

/// <summary>
/// The tables of a PDF exactly as ingestion finds them (the same reader, the same joins across pages), for
/// <c>rag tables</c> and the table-structure benchmark.
/// </summary>
public static class PdfTables
{
    public static IReadOnlyList<FoundTable> Read(string fileName, byte[] bytes, CancellationToken cancellationToken = default)
    {
        var input = new ReaderInput(fileName, bytes, ContentTypeDetector.Detect(bytes, fileName));
        var (_, tables) = new PdfReader(NullLogger<PdfReader>.Instance).ReadWithTables(input, cancellationToken);
        return tables.Select(ToFound).ToList();
    }

    private static FoundTable ToFound(DetectedTable table)
    {
        var cells = new List<FoundCell>();
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var row = table.Rows[r];
            for (var c = 0; c < row.Cells.Length; c++)
            {
                if (row.Cells[c] is not { } cell) continue;
                cells.Add(new FoundCell(r, c, cell.RowSpan, cell.ColSpan, cell.Text, row.Page, cell.Box, r < table.HeaderRows));
            }
        }
        return new FoundTable(table.Page, table.LastPage, table.Caption, table.HeaderRows, table.Rows.Count, table.Columns.Count, table.Ruled, cells);
    }
}
