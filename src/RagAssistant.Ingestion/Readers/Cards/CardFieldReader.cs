using System.Text.RegularExpressions;
using RagAssistant.Ingestion.Readers.Office;

namespace RagAssistant.Ingestion.Readers.Cards;

/// <summary>
/// Reads label: value pairs from a card's header cells. A label cell's value is the next cell to its right (past the
/// label's own merged cells) unless that is empty or another label — then the cell below it (labels above their
/// values). A cell may also hold pairs itself: '零件号：JD-2105-0318　材料：40Cr'. Cells that are neither label nor
/// value (the company name, '第1页 共2页') are kept as extra text so nothing of the header block is lost.
/// </summary>
public static partial class CardFieldReader
{
    public sealed record Result(List<CardField> Fields, List<string> Extras, string? CardType, string? CardTitle);

    public static Result Read(CellGrid grid, IReadOnlyCollection<int> rows)
    {
        var fields = new List<CardField>();
        var extras = new List<string>();
        string? cardType = null, cardTitle = null;
        var used = new HashSet<(int, int)>();
        var rowSet = rows.ToHashSet();
        foreach (var r in rows.Order())
        {
            for (var c = 0; c < grid.Columns; c++)
            {
                var own = grid.Own(r, c).Trim();
                if (own.Length == 0 || used.Contains((r, c))) continue;
                used.Add((r, c));
                if (CardLabels.CardTypeOf(own) is { } type)
                {
                    cardType ??= type;
                    cardTitle ??= HeaderRows.Clean(own);
                    continue;
                }
                var field = CardLabels.FieldOf(own);
                if (field is not null)
                {
                    var value = ValueOf(grid, r, c, own, rowSet, used);
                    if (value is not null) fields.Add(new CardField(DisplayLabel(own), value, field));
                    continue;
                }
                var pairs = Pairs(own);
                if (pairs.Count > 0) fields.AddRange(pairs);
                else extras.Add(HeaderRows.Clean(own));
            }
        }
        return new Result(fields, extras, cardType, cardTitle);
    }

    /// <summary>Pairs written inside one text: '零件号：JD-2105-0318  材料：40Cr' (only known labels count).</summary>
    public static List<CardField> Pairs(string text)
    {
        var found = new List<(Match Match, string Field)>();
        foreach (Match m in ColonLabel().Matches(text))
        {
            // '40Cr版本：B' → the label is the longest known suffix ('版本'), the rest belongs to the previous value.
            var label = m.Groups["label"];
            for (var skip = 0; skip < label.Length; skip++)
            {
                var field = CardLabels.FieldOf(label.Value[skip..]);
                if (field is null) continue;
                found.Add((skip == 0 ? m : ColonLabel().Match(text, label.Index + skip), field));
                break;
            }
        }
        var pairs = new List<CardField>();
        for (var i = 0; i < found.Count; i++)
        {
            var start = found[i].Match.Index + found[i].Match.Length;
            var end = i + 1 < found.Count ? found[i + 1].Match.Index : text.Length;
            var value = text[start..end].Trim().TrimEnd('；', ';', '，', ',').Trim();
            if (value.Length > 0) pairs.Add(new CardField(DisplayLabel(found[i].Match.Groups["label"].Value), value, found[i].Field));
        }
        return pairs;
    }

    /// <summary>'零 件 号：' → '零件号'; 'Part No.:' → 'Part No.'.</summary>
    public static string DisplayLabel(string label)
    {
        var trimmed = HeaderRows.Clean(label).Trim().TrimEnd(':', '：').Trim();
        return trimmed.Any(Core.Text.CjkText.IsCjk) ? string.Concat(trimmed.Where(ch => !char.IsWhiteSpace(ch))) : trimmed;
    }

    private static string? ValueOf(CellGrid grid, int r, int c, string label, HashSet<int> rows, HashSet<(int, int)> used)
    {
        var right = c + 1;
        while (right < grid.Columns && grid.IsHorizontalContinuation(r, right) && grid.Value(r, right) == label) right++;
        if (right < grid.Columns)
        {
            var candidate = grid.Own(r, right).Trim();
            if (candidate.Length > 0 && !IsLabel(candidate))
            {
                used.Add((r, right));
                return HeaderRows.Clean(candidate);
            }
        }
        var below = r + 1;
        while (below < grid.Rows && grid.IsVerticalContinuation(below, c) && grid.Value(below, c) == label) below++;
        if (below < grid.Rows && rows.Contains(below) && !used.Contains((below, c)))
        {
            var candidate = grid.Value(below, c).Trim();
            if (candidate.Length > 0 && !IsLabel(candidate))
            {
                used.Add((below, c));
                return HeaderRows.Clean(candidate);
            }
        }
        return null;
    }

    private static bool IsLabel(string text) => CardLabels.FieldOf(text) is not null || CardLabels.CardTypeOf(text) is not null;

    [GeneratedRegex(@"(?<label>[\p{L}][\p{L}.#]{0,14}?)\s*[:：]")]
    private static partial Regex ColonLabel();
}
