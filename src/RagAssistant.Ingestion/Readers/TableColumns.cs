namespace RagAssistant.Ingestion.Readers;

/// <summary>
/// Column names from one or more header rows: each column's labels from the top header row down, joined into a path
/// ("切削参数 › 转速 r/min"). A label spanning several columns (repeated in each by the caller) names every column under
/// it; a label repeated down the rows (a cell spanning header rows) appears once.
/// </summary>
public static class TableColumns
{
    public const string Separator = " › ";

    /// <param name="headerRows">The header rows, each with one text per column, spans already repeated.</param>
    public static List<string> Paths(IReadOnlyList<IReadOnlyList<string>> headerRows)
    {
        if (headerRows.Count == 0) return [];
        var columns = headerRows.Max(r => r.Count);
        var paths = new List<string>(columns);
        for (var c = 0; c < columns; c++)
        {
            var parts = new List<string>(headerRows.Count);
            foreach (var row in headerRows)
            {
                var label = c < row.Count ? row[c].Trim() : "";
                if (label.Length > 0 && (parts.Count == 0 || parts[^1] != label)) parts.Add(label);
            }
            paths.Add(string.Join(Separator, parts));
        }
        return paths;
    }
}
