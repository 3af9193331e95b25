using RagAssistant.Core.Documents;
using RagAssistant.Ingestion.Detection;

namespace RagAssistant.Ingestion.Readers;

/// <summary>
/// CSV/TSV as one table: the first record is the header; each later record is a row whose locator is its record
/// number counting the header as row 1 (as a spreadsheet shows it). Missing fields are padded, extra fields get
/// generated column names, and both are reported as warnings.
/// </summary>
public sealed class CsvReader : IDocumentReader
{
    public IReadOnlyCollection<string> ContentTypes { get; } = [Detection.ContentTypes.Csv];

    public ParsedDocument Read(ReaderInput input, CancellationToken cancellationToken)
    {
        var text = input.Text;
        var delimiter = Path.GetExtension(input.FileName).Equals(".tsv", StringComparison.OrdinalIgnoreCase)
            ? '\t'
            : CsvSniffer.DetectDelimiter(text) ?? ',';
        var records = CsvParser.Parse(text, delimiter).ToList();
        if (records.Count == 0) throw new IngestionException(IngestProblem.NoText, "CSV has no records");

        var header = records[0].Select((h, i) => string.IsNullOrWhiteSpace(h) ? $"column {i + 1}" : TextJoin.Collapse(h)).ToList();
        var rows = new List<TableRow>();
        var ragged = 0;
        for (var r = 1; r < records.Count; r++)
        {
            var cells = records[r].Select(TextJoin.Collapse).ToList();
            if (cells.All(c => c.Length == 0)) continue;
            if (cells.Count != header.Count) ragged++;
            while (header.Count < cells.Count) header.Add($"column {header.Count + 1}");
            while (cells.Count < header.Count) cells.Add("");
            rows.Add(new TableRow(cells, $"row {r + 1}"));
        }
        // A later row with extra fields widened the header: pad the earlier rows to match.
        rows = rows.Select(row => row.Cells.Count == header.Count ? row
            : row with { Cells = [.. row.Cells, .. Enumerable.Repeat("", header.Count - row.Cells.Count)] }).ToList();

        IReadOnlyList<IngestNote> warnings = ragged > 0
            ? [new IngestNote(IngestWarning.RaggedRows, $"{ragged} rows have a different number of fields than the header") { Count = ragged }]
            : [];
        var title = Path.GetFileNameWithoutExtension(input.FileName);
        return new ParsedDocument(title, [new TableBlock(null, header, rows)], Warnings: warnings);
    }
}
