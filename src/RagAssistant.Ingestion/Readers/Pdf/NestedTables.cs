using RagAssistant.Core.Documents;

namespace RagAssistant.Ingestion.Readers.Pdf;

/// <summary>
/// A ruled table drawn inside a row of another, as specifications draw a charge profile per temperature range: the outer
/// row names the range ("-20°C≤T<-15°C"), and in its other cells stands a small table of its own (电流 | SOC, 0.08C | 10%
/// …). Both are found; the outer row's cells then hold the inner table's text run together ("0.08C 0.05C 0.04C …" beside
/// "10% 30% 50% …", the pairs lost), and the inner table had nothing saying which range it is for. The inner table is
/// captioned with the outer row's own cells — what the row says it is for — and the outer cells it fills are emptied:
/// the inner table holds their text, pair by pair.
/// </summary>
internal static class NestedTables
{
    /// <summary>How far (pt) an inner table's cells may reach past the outer row's band: rules are drawn with a width.</summary>
    private const double Slack = 2;

    public static void Attach(IReadOnlyList<DetectedTable> tables)
    {
        foreach (var inner in tables)
        {
            if (Bounds(inner.Rows.SelectMany(r => r.Cells)) is not { } box) continue;
            foreach (var outer in tables.Where(t => !ReferenceEquals(t, inner) && t.Page == inner.Page))
            {
                var r = outer.Rows.FindIndex(row => Bounds(row.Cells) is { } band && Inside(box, band) && row.Cells.Count(c => c?.Box is not null) > 1);
                if (r < 0) continue;
                var cells = outer.Rows[r].Cells.Where(c => c?.Box is not null).Select(c => c!).ToList();
                var covered = cells.Where(c => Overlaps(c.Box!, box)).ToList();
                var keys = cells.Except(covered).Where(c => c.Text.Length > 0).Select(c => c.Text).ToList();
                if (covered.Count == 0 || keys.Count == 0) continue;
                inner.Caption = string.Join(" ", inner.Caption is { Length: > 0 } caption ? [.. keys, caption] : keys);
                foreach (var cell in covered) cell.Text = "";
                break;
            }
        }
    }

    private static PageBox? Bounds(IEnumerable<DetectedCell?> cells)
    {
        var boxes = cells.Where(c => c?.Box is not null).Select(c => c!.Box!).ToList();
        return boxes.Count == 0 ? null
            : new PageBox(boxes[0].Page, boxes.Min(b => b.Left), boxes.Min(b => b.Bottom), boxes.Max(b => b.Right), boxes.Max(b => b.Top));
    }

    /// <summary>Whether <paramref name="inner"/> lies inside <paramref name="band"/> and is clearly smaller than it.</summary>
    private static bool Inside(PageBox inner, PageBox band) =>
        inner.Left >= band.Left - Slack && inner.Right <= band.Right + Slack && inner.Bottom >= band.Bottom - Slack && inner.Top <= band.Top + Slack
        && inner.Right - inner.Left < band.Right - band.Left - Slack;

    /// <summary>Whether most of the cell's width lies under the inner table.</summary>
    private static bool Overlaps(PageBox cell, PageBox inner) =>
        Math.Min(cell.Right, inner.Right) - Math.Max(cell.Left, inner.Left) > (cell.Right - cell.Left) / 2;
}
