namespace RagAssistant.Ingestion.Readers.Pdf;

/// <summary>
/// The text of a table cell from its segments: grouped into lines by baseline (top to bottom), each line left to right,
/// lines joined the way wrapped text is (<see cref="WrappedLines.Join"/>).
/// </summary>
internal static class CellText
{
    public static string Of(IReadOnlyCollection<TextSegment> segments)
    {
        if (segments.Count == 0) return "";
        if (segments.Count == 1) return segments.First().Text;
        var ordered = segments.OrderByDescending(s => s.Bottom).ToList();
        var lines = new List<List<TextSegment>>();
        foreach (var s in ordered)
        {
            var line = lines.Count > 0 ? lines[^1] : null;
            if (line is not null && Math.Abs(line[0].Bottom - s.Bottom) < 0.4 * Math.Max(line[0].FontSize, s.FontSize)) line.Add(s);
            else lines.Add([s]);
        }
        return WrappedLines.Join(lines.Select(line => TextJoin.Lines(line.OrderBy(s => s.Left).Select(s => s.Text))));
    }
}
