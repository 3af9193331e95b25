namespace RagAssistant.Ingestion.Readers.Pdf;

/// <summary>
/// A table's caption set inside its frame: a first row of one cell across every column that reads as a caption
/// ("Table 2. Molecular gases", "表1 技术参数"). It names the table; read as a header row, it would stand in every row's
/// column path ("Table 2. Molecular gases › Property/Gas").
/// </summary>
internal static class InnerCaption
{
    /// <summary>Moves such a first row to the table's caption (a caption line above the frame, read afterwards, would take its place).</summary>
    public static void Lift(DetectedTable table)
    {
        if (table.Rows.Count < 2 || table.Rows[0].Cells.Where(c => c is not null).ToList() is not [{ RowSpan: 1 } cell]) return;
        if (cell.ColSpan < table.Columns.Count || !NumberedHeading.TryParseTableCaption(cell.Text, out _)) return;
        table.Caption = cell.Text;
        table.Rows.RemoveAt(0);
    }
}
