using System.Text.RegularExpressions;
using RagAssistant.Core.Documents;
using RagAssistant.Core.Search;

namespace RagAssistant.Generation.Extractive;

/// <summary>
/// Where a quoted table row stands: a chunk of several rows is located as "table 2 rows 1-11" (or "rows 5-9"); the
/// citation of a quote from one of them points at that row ("table 2 row 6") and highlights that row's boxes, so the
/// reader checks the row, not the table.
/// </summary>
public static partial class RowLocator
{
    /// <summary>The row's own locator, or the chunk's when the chunk is not a run of rows or the row cannot be told apart.</summary>
    public static string For(RetrievedChunk chunk, IReadOnlyCollection<AnswerUnit> quoted) => Cite(chunk, quoted).Locator;

    /// <summary>
    /// The citation's locator and boxes: for one quoted row of a run, the row's locator and the boxes that carry its
    /// number (<see cref="PageBox.Row"/>); else, or where the boxes carry no row (stored before rows were kept), the
    /// chunk's boxes.
    /// </summary>
    public static (string Locator, IReadOnlyList<PageBox> Boxes) Cite(RetrievedChunk chunk, IReadOnlyCollection<AnswerUnit> quoted)
    {
        if (Row(chunk, quoted) is not { } row) return (chunk.Locator, chunk.Boxes);
        var boxes = chunk.Boxes.Where(b => b.Row == row.Number).ToList();
        return (row.Locator, boxes.Count > 0 ? boxes : chunk.Boxes);
    }

    private static (int Number, string Locator)? Row(RetrievedChunk chunk, IReadOnlyCollection<AnswerUnit> quoted)
    {
        var m = RowsLocator().Match(chunk.Locator);
        if (!m.Success || quoted.Count != 1 || quoted.First().Kind != UnitKind.TableRow) return null;
        var first = int.Parse(m.Groups["a"].Value, System.Globalization.CultureInfo.InvariantCulture);
        var last = int.Parse(m.Groups["b"].Value, System.Globalization.CultureInfo.InvariantCulture);
        var rows = UnitSplitter.TableRows(chunk.Text).ToList();
        // Only when the chunk's rows are exactly the located run (one table, one header): then the n-th row is row first + n.
        if (rows.Count != last - first + 1) return null;
        var index = rows.FindIndex(r => r.Text == quoted.First().Text);
        return index < 0 ? null : (first + index, $"{m.Groups["prefix"].Value}row {first + index}");
    }

    [GeneratedRegex(@"^(?<prefix>.*?)rows (?<a>\d+)-(?<b>\d+)$")]
    private static partial Regex RowsLocator();
}
