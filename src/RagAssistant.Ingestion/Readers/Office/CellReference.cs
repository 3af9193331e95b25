namespace RagAssistant.Ingestion.Readers.Office;

/// <summary>A1-style references: "K14" ↔ (row 14, column 11), both 1-based.</summary>
public static class CellReference
{
    public static bool TryParse(string? reference, out int row, out int column)
    {
        row = column = 0;
        if (string.IsNullOrEmpty(reference)) return false;
        var i = 0;
        while (i < reference.Length && char.IsAsciiLetter(reference[i]))
        {
            column = column * 26 + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
            if (column > 16384) return false;
            i++;
        }
        if (i == 0 || i == reference.Length) return false;
        return int.TryParse(reference.AsSpan(i), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out row) && row > 0;
    }

    public static string ColumnName(int column)
    {
        var name = "";
        for (; column > 0; column = (column - 1) / 26) name = (char)('A' + (column - 1) % 26) + name;
        return name;
    }

    /// <summary>"Sheet1!A14:K14"; a sheet name with spaces or punctuation is quoted as Excel does ('Stanley Cups'!A1:C1).</summary>
    public static string Range(string sheet, int firstRow, int firstColumn, int lastRow, int lastColumn)
    {
        var name = sheet.All(ch => char.IsLetterOrDigit(ch) || ch == '_') ? sheet : "'" + sheet.Replace("'", "''") + "'";
        var first = ColumnName(firstColumn) + firstRow;
        var last = ColumnName(lastColumn) + lastRow;
        return first == last ? $"{name}!{first}" : $"{name}!{first}:{last}";
    }
}
