namespace RagAssistant.Ingestion.Readers.Pdf;

/// <summary>
/// One ruled frame holding several tables one under another, as annual reports and cards draw them: a title row across
/// the whole frame ("前 10 名股东持股情况") over a row naming its columns one by one (股东名称 | 股东性质 | 持股比例 …), its rows,
/// then the next title over other column names ("前 10 名无限售条件股东持股情况" over 股东名称 | 持有无限售条件股份数量 | 股份种类).
/// Read as one table, the first row above them (股东总数 | 26,029 户) was the header of every row, and the later
/// column names were rows. Each title starts a table of its own, with the title as its caption and the column names
/// under it as its header (<see cref="TableHeaders"/>); the rows above the first title are a table of their own. So is
/// a row naming the columns again, shaped like the first row, over rows of values of its own. A title over
/// rows of data is a group label inside one table, not this.
/// </summary>
internal static class StackedTables
{
    public static IReadOnlyList<DetectedTable> Split(DetectedTable table)
    {
        if (!table.Ruled || table.Rows.Count < 3) return [table];
        var texts = table.ExpandedRows(repeatAcross: false);
        var covered = table.ExpandedRows();
        var titles = Enumerable.Range(0, table.Rows.Count - 2)
            .Where(r => TitleAcross(table, r) is not null && NamesColumns(texts[r + 1], covered[r + 1]) && !CutsASpan(table, r)
                        && covered.Skip(r + 2).Any(row => row.Any(TableHeaders.IsValue)))
            .ToList();
        // A second row of column names shaped like the first, over rows of values of its own: a second table (the
        // report's key figures at the period's end, then 报告期(1-6 月) | 上年同期 | 增减 over the half-year's).
        var headers = Enumerable.Range(2, table.Rows.Count - 3)
            .Where(r => !titles.Contains(r - 1) && RenamesColumns(texts, r) && !CutsASpan(table, r)
                        && FiguresUnder(texts, 1, r, r) && FiguresUnder(texts, r + 1, texts.Count, r))
            .ToList();
        // A title in the first row alone is the frame's caption (InnerCaption): one table — unless it is a numbered
        // clause title, which heads the text after the table as well.
        var cuts = titles.Where(r => r > 0 || IsClauseTitle(TitleAcross(table, r)!)).Concat(headers).Order().ToList();
        if (cuts.Count == 0) return [table];
        var pieces = new List<DetectedTable>();
        List<int> starts = cuts[0] == 0 ? cuts : [0, .. cuts];
        for (var i = 0; i < starts.Count; i++)
        {
            var (start, end) = (starts[i], i + 1 < starts.Count ? starts[i + 1] : table.Rows.Count);
            var title = titles.Contains(start) ? TitleAcross(table, start) : null;
            // A numbered clause title across the frame ("1.3.1 阶梯充电 Step Charge") heads what follows, the tables drawn
            // further down included: it stands as a piece of its own, which the detector reads as a heading.
            if (title is not null && IsClauseTitle(title))
            {
                pieces.Add(Piece(table, [table.Rows[start]], table.Caption));
                title = null;
                start++;
            }
            var rows = table.Rows.Skip(title is null ? start : start + 1).Take(end - start - (title is null ? 0 : 1)).ToList();
            if (rows.Count == 0) continue;
            pieces.Add(Piece(table, rows, title?.Text ?? table.Caption));
        }
        return pieces;
    }

    private static bool IsClauseTitle(DetectedCell title) => NumberedHeading.TryParse(title.Text, out _, out _);

    private static DetectedTable Piece(DetectedTable table, List<DetectedRow> rows, string? caption)
    {
        var piece = new DetectedTable(rows[0].Page, table.Columns, table.Ruled) { Caption = caption, LastPage = rows[^1].Page };
        piece.Rows.AddRange(rows);
        return piece;
    }

    /// <summary>
    /// Whether the rows from <paramref name="from"/> up to <paramref name="to"/> hold mostly figures in every column but
    /// the first that row <paramref name="header"/> names: column names among rows of figures stand out, while among
    /// rows of text (a list of settings, a register map) a row of words is one more row.
    /// </summary>
    private static bool FiguresUnder(List<string[]> texts, int from, int to, int header) =>
        Enumerable.Range(1, texts[header].Length - 1).Where(c => texts[header][c].Length > 0).All(c =>
        {
            var cells = texts.Skip(from).Take(to - from).Select(row => row[c]).Where(t => t.Length > 0).ToList();
            return cells.Count > 0 && cells.Count(TableHeaders.IsValue) * 2 > cells.Count;
        });

    /// <summary>
    /// Whether row <paramref name="r"/> names the columns anew: labels in the very columns the first row has them, not
    /// the same labels (a header repeated), none a value.
    /// </summary>
    private static bool RenamesColumns(List<string[]> texts, int r)
    {
        var (first, row) = (texts[0], texts[r]);
        if (row.Count(c => c.Length > 0) < 2 || !TableHeaders.IsLabelRow(first) || !TableHeaders.IsLabelRow(row)) return false;
        return Enumerable.Range(0, row.Length).All(c => (row[c].Length > 0) == (first[c].Length > 0))
               && row.Where(c => c.Length > 0).All(c => c.Any(char.IsLetter))
               && !row.SequenceEqual(first) && row.Where(c => c.Length > 0).Distinct().Count() == row.Count(c => c.Length > 0);
    }

    /// <summary>The row's only cell when it spans the whole frame on one row (a title across the table); null otherwise.</summary>
    private static DetectedCell? TitleAcross(DetectedTable table, int r) =>
        table.Rows[r].Filled is [{ RowSpan: 1 } cell]
        && ReferenceEquals(table.Rows[r].Cells[0], cell) && cell.ColSpan >= table.Columns.Count && !TableHeaders.IsValue(cell.Text)
            ? cell : null;

    /// <summary>
    /// Column names one by one: at least two labels, no values, and every column under one of them — a group's first row
    /// of data leaves cells empty ("Receptive Vocabulary |  |  | NA" under the title "Spanish Language" is a row, and the
    /// title a group label of one table).
    /// </summary>
    private static bool NamesColumns(string[] row, string[] covered) =>
        row.Count(c => c.Length > 0) >= 2 && TableHeaders.IsLabelRow(row) && covered.All(c => c.Length > 0);

    /// <summary>Whether a cell above row <paramref name="r"/> spans down into it or past it (the frame cannot be cut there).</summary>
    private static bool CutsASpan(DetectedTable table, int r) =>
        Enumerable.Range(0, r).Any(above => table.Rows[above].Cells.Any(c => c is not null && above + c.RowSpan > r));
}
