using System.Text.RegularExpressions;
using RagAssistant.Core.Documents;
using RagAssistant.Core.Search;

namespace RagAssistant.Generation.Extractive;

/// <summary>
/// Where a quoted table row stands: a chunk of several rows is located as "table 2 rows 1-11" (or "rows 5-9"); the
/// citation of a quote from one of them points at that row ("table 2 row 6"), so the reader checks the row, not the table.
/// </summary>
public static partial class RowLocator
{
    /// <summary>The row's own locator, or the chunk's when the chunk is not a run of rows or the row cannot be told apart.</summary>
    public static string For(RetrievedChunk chunk, IReadOnlyCollection<AnswerUnit> quoted)
    {
        var m = RowsLocator().Match(chunk.Locator);
        if (!m.Success || quoted.Count != 1 || quoted.First().Kind != UnitKind.TableRow) return chunk.Locator;
        var first = int.Parse(m.Groups["a"].Value, System.Globalization.CultureInfo.InvariantCulture);
        var last = int.Parse(m.Groups["b"].Value, System.Globalization.CultureInfo.InvariantCulture);
        var rows = UnitSplitter.TableRows(chunk.Text).ToList();
        // Only when the chunk's rows are exactly the located run (one table, one header): then the n-th row is row first + n.
        if (rows.Count != last - first + 1) return chunk.Locator;
        var index = rows.FindIndex(r => r.Text == quoted.First().Text);
        return index < 0 ? chunk.Locator : $"{m.Groups["prefix"].Value}row {first + index}";
    }

    /// <summary>
    /// The chunk's boxes a citation at <paramref name="locator"/> highlights: where it points at one row of the chunk's
    /// run ("table 2 row 6"), the boxes of that row; else, or where the boxes carry no row (stored before rows were
    /// kept), all of them.
    /// </summary>
    public static IReadOnlyList<PageBox> BoxesAt(RetrievedChunk chunk, string locator)
    {
        if (locator == chunk.Locator || OneRow().Match(locator) is not { Success: true } m) return chunk.Boxes;
        var row = int.Parse(m.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture);
        var boxes = chunk.Boxes.Where(b => b.Row == row).ToList();
        return boxes.Count > 0 ? boxes : chunk.Boxes;
    }

    [GeneratedRegex(@"row (?<n>\d+)$")]
    private static partial Regex OneRow();

    [GeneratedRegex(@"^(?<prefix>.*?)rows (?<a>\d+)-(?<b>\d+)$")]
    private static partial Regex RowsLocator();
}
