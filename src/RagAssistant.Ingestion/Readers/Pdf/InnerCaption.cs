namespace RagAssistant.Ingestion.Readers.Pdf;

/// <summary>
/// A table's caption set inside its frame: a first row of one cell across every column ("Table 2. Molecular gases",
/// "表1 技术参数", a form's section bar "FOR STOLEN CAR"). One label over every column names none of them: it names the
/// table; read as a header row, it would stand in every row's column path ("Table 2. Molecular gases › Property/Gas").
/// (A table of one column keeps such a row as its header unless it reads as a caption.) So does a title alone in the
/// first row, one cell from the first column over several ("(3)通过融资租赁租入的固定资产情况"), above a row naming the
/// columns (项目 | 账面原值 | 累计折旧 | 账面净值): read as the header, it would push the column names down into the rows. (A label over a group of
/// columns stands over them, not from the first column.) So do a report's numbered item titles alone in the first rows
/// ("8、长期股权投资", "(1)存货分类").
/// </summary>
internal static class InnerCaption
{
    /// <summary>Moves such a first row to the table's caption (a caption line above the frame, read afterwards, would take its place).</summary>
    public static void Lift(DetectedTable table)
    {
        if (table.Rows.Count < 2 || table.Rows[0].Filled is not [{ RowSpan: 1 } cell]) return;
        var caption = cell.ColSpan >= table.Columns.Count && (table.Columns.Count >= 2 || NumberedHeading.TryParseTableCaption(cell.Text, out _))
                      || IsTitleOverColumnNames(table, cell);
        if (caption)
        {
            table.Caption = cell.Text;
            table.Rows.RemoveAt(0);
            return;
        }
        // A report's numbered item titles alone in the first rows of a table without rules ("8、长期股权投资" over
        // "(1)长期股权投资分类" over 项目 | 期初数 | …) name it; read as its header they stood in every row's column path.
        var titles = new List<string>();
        while (table.Rows.Count > 2 && table.Rows[0].Filled is [{ RowSpan: 1 } title]
               && NumberedHeading.IsNumberedItemTitle(title.Text))
        {
            titles.Add(title.Text);
            table.Rows.RemoveAt(0);
        }
        if (titles.Count > 0) table.Caption = string.Join(" ", titles);
    }

    private static bool IsTitleOverColumnNames(DetectedTable table, DetectedCell cell)
    {
        if (table.Rows.Count < 3 || !ReferenceEquals(table.Rows[0].Cells[0], cell) || cell.ColSpan < 2) return false;
        var names = table.ExpandedRows(repeatAcross: false)[1];
        return names.Count(t => t.Length > 0) >= 2 && TableHeaders.IsLabelRow(names);
    }
}
