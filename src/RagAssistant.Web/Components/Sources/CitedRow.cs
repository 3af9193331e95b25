namespace RagAssistant.Web.Components.Sources;

/// <summary>
/// A cited table row read back from its quoted text ("label: value" lines or " | "-joined pairs, as ingestion writes a row), with the cells
/// the question asks for. The asked cells are those whose label shares the longest run of characters with the question
/// (at least two), leaving out the row's key cells — those whose value the question itself names ("第60工序" names
/// 工序号 60, which found the row; the 转速 cell is what it asks) — and the words that named them.
/// </summary>
public sealed record CitedRow(IReadOnlyList<CitedRow.Cell> Cells)
{
    public sealed record Cell(string Label, string Value, bool Asked);

    /// <summary>The row in <paramref name="text"/>, or null when it is not at least two "label: value" lines.</summary>
    public static CitedRow? Read(string text, string? question)
    {
        var pairs = new List<(string Label, string Value)>();
        // One pair a line (a table row's chunk), or pairs joined by " | " on one line (a card's row with its header fields).
        foreach (var line in text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                     .SelectMany(l => l.Split(" | ", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
        {
            var colon = line.IndexOf(": ", StringComparison.Ordinal);
            if (colon <= 0 || colon > 40) return null;
            pairs.Add((line[..colon].Trim(), line[(colon + 2)..].Trim()));
        }
        if (pairs.Count < 2) return null;
        var asked = AskedLabels(pairs, question ?? "");
        return new CitedRow([.. pairs.Select(p => new Cell(p.Label, p.Value, asked.Contains(p.Label)))]);
    }

    /// <summary>The values of the asked cells, to find them in a sheet's row.</summary>
    public IReadOnlySet<string> AskedValues => Cells.Where(c => c.Asked).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);

    private static HashSet<string> AskedLabels(List<(string Label, string Value)> pairs, string question)
    {
        var folded = question.ToLowerInvariant();
        bool Named((string Label, string Value) p) => p.Value.Length > 0 && folded.Contains(p.Value.ToLowerInvariant(), StringComparison.Ordinal);
        // The words that named a key cell ("工序" of "第60工序") are spent on it: blank them before scoring the others.
        var rest = folded;
        foreach (var key in pairs.Where(Named))
        {
            var (start, length) = LongestCommonRun(Core(key.Label).ToLowerInvariant(), rest);
            if (length >= 2) rest = rest[..start] + new string('\0', length) + rest[(start + length)..];
        }
        var scored = pairs
            .Where(p => !Named(p))
            .Select(p => (p.Label, Score: LongestCommonRun(Core(p.Label).ToLowerInvariant(), rest).Length))
            .Where(p => p.Score >= 2)
            .ToList();
        if (scored.Count == 0) return [];
        var best = scored.Max(p => p.Score);
        return scored.Where(p => p.Score == best).Select(p => p.Label).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>A label without its unit in brackets: "主轴转速(r/min)" → "主轴转速".</summary>
    private static string Core(string label)
    {
        var open = label.IndexOfAny(['(', '（', '[']);
        return (open > 0 ? label[..open] : label).Trim();
    }

    /// <summary>The longest run of characters <paramref name="a"/> and <paramref name="b"/> share: where it starts in b, and its length.</summary>
    private static (int Start, int Length) LongestCommonRun(string a, string b)
    {
        var (start, best) = (0, 0);
        var previous = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            for (var j = 1; j <= b.Length; j++)
            {
                if (a[i - 1] != b[j - 1] || char.IsWhiteSpace(a[i - 1])) continue;
                current[j] = previous[j - 1] + 1;
                if (current[j] > best) (start, best) = (j - current[j], current[j]);
            }
            previous = current;
        }
        return (start, best);
    }
}
