using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace RagAssistant.Ingestion.Readers.Office;

/// <summary>
/// Reads one worksheet with the SAX reader (memory stays bounded by the cells kept, not the XML): each cell's shown
/// text — shared or inline string, cached formula result, boolean, error, or a number through its number format —
/// merged ranges, and hidden rows and columns. Cells without an "r" reference (some generators omit it) take the
/// next position in their row.
/// </summary>
internal sealed class WorksheetReader(SharedStrings strings, NumberFormats styles, bool date1904)
{
    public sealed record Sheet(CellGridBuilder Cells, HashSet<int> HiddenRows, HashSet<int> HiddenColumns, bool Truncated);

    public Sheet Read(WorksheetPart part, int cellBudget, CancellationToken ct)
    {
        var builder = new CellGridBuilder();
        var hiddenRows = new HashSet<int>();
        var hiddenColumns = new HashSet<int>();
        var truncated = false;
        var row = 0;
        var column = 0;
        using var reader = OpenXmlReader.Create(part);
        reader.Read(); // positions the reader on the root element
        while (!reader.EOF)
        {
            if (!reader.IsStartElement) { reader.Read(); continue; }
            var type = reader.ElementType;
            if (type == typeof(Row))
            {
                ct.ThrowIfCancellationRequested();
                row = Attribute(reader, "r") is { } r && int.TryParse(r, CultureInfo.InvariantCulture, out var n) ? n : row + 1;
                column = 0;
                if (Attribute(reader, "hidden") is "1" or "true") hiddenRows.Add(row);
                reader.Read();
            }
            else if (type == typeof(Cell))
            {
                var cell = (Cell)reader.LoadCurrentElement()!;
                column = CellReference.TryParse(cell.CellReference?.Value, out var cr, out var cc) ? cc : column + 1;
                if (cr > 0) row = cr;
                if (builder.Count >= cellBudget) { truncated = true; continue; }
                builder.Set(row, column, Text(cell).Trim());
            }
            else if (type == typeof(Column))
            {
                var col = (Column)reader.LoadCurrentElement()!;
                if (col.Hidden?.Value == true && col.Min?.Value is { } min && col.Max?.Value is { } max)
                    for (var c = (int)min; c <= Math.Min((int)max, 16384); c++) hiddenColumns.Add(c);
            }
            else if (type == typeof(MergeCell))
            {
                var merge = (MergeCell)reader.LoadCurrentElement()!;
                var parts = merge.Reference?.Value?.Split(':');
                if (parts is { Length: 2 } && CellReference.TryParse(parts[0], out var r0, out var c0) && CellReference.TryParse(parts[1], out var r1, out var c1))
                    builder.Merge(r0, c0, r1, c1);
            }
            else reader.Read();
        }
        return new Sheet(builder, hiddenRows, hiddenColumns, truncated);
    }

    private static string? Attribute(OpenXmlReader reader, string name)
    {
        foreach (var a in reader.Attributes)
            if (a.LocalName == name) return a.Value;
        return null;
    }

    private string Text(Cell cell)
    {
        var type = cell.DataType?.Value;
        var raw = cell.CellValue?.Text;
        if (type == CellValues.InlineString) return cell.InlineString is { } inline ? SpreadsheetText.Of(inline) : raw ?? "";
        if (raw is null) return "";
        if (type == CellValues.SharedString)
            return int.TryParse(raw, CultureInfo.InvariantCulture, out var index) ? strings[index] : "";
        if (type == CellValues.Boolean) return raw is "1" or "true" ? "TRUE" : "FALSE";
        if (type == CellValues.String || type == CellValues.Error) return raw;
        if (type == CellValues.Date)
            return DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? ExcelNumberFormat.Format(date.ToOADate(), styles.FormatCode(cell.StyleIndex?.Value) ?? "yyyy-mm-dd", date1904: false)
                : raw;
        return double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? ExcelNumberFormat.Format(number, styles.FormatCode(cell.StyleIndex?.Value), date1904)
            : raw;
    }
}
