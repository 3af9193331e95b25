using System.Text.RegularExpressions;

namespace RagAssistant.Web.Components.Library;

/// <summary>One piece of a <see cref="Snippet"/>: plain text, or a matched word to mark.</summary>
public readonly record struct SnippetPart(string Text, bool Marked);

/// <summary>A short passage of a chunk around the words a search matched, cut into plain and marked pieces.</summary>
public sealed partial record Snippet(IReadOnlyList<SnippetPart> Parts)
{
    /// <summary>How much text a snippet shows: enough for a clause or a table row, little enough for a line under a row.</summary>
    public const int Length = 140;

    /// <summary>How much text stands before the first match, so the match is read in its sentence.</summary>
    public const int Before = 40;

    public string Text => string.Concat(Parts.Select(p => p.Text));

    /// <summary>
    /// The passage of <paramref name="text"/> (white space collapsed) that starts <see cref="Before"/> characters before
    /// the first occurrence of any of <paramref name="terms"/> and runs <see cref="Length"/> characters, with every
    /// occurrence inside it marked (case-insensitively, the longest term first where two overlap: 热处理 over 处理).
    /// Terms are what the keyword index matched — folded, segmented — so a hit on a chunk's heading alone, or on a form
    /// the text writes differently, finds no occurrence: then the passage is the text's beginning, unmarked.
    /// </summary>
    public static Snippet Of(string text, IEnumerable<string> terms)
    {
        text = Spaces().Replace(text, " ").Trim();
        var matches = Matches(text, terms.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim())
            .Distinct(StringComparer.OrdinalIgnoreCase).OrderByDescending(t => t.Length).ToList());
        var start = matches.Count == 0 ? 0 : Math.Max(0, matches[0].Start - Before);
        var end = Math.Min(text.Length, start + Length);
        // Start earlier when the passage would end before its length (a match near the end of the text).
        start = Math.Max(0, Math.Min(start, end - Length));
        var parts = new List<SnippetPart>();
        if (start > 0) parts.Add(new("…", false));
        var at = start;
        foreach (var (matchStart, matchEnd) in matches)
        {
            if (matchStart >= end) break;
            if (matchEnd <= at) continue;
            var from = Math.Max(at, matchStart);
            if (from > at) parts.Add(new(text[at..from], false));
            var to = Math.Min(end, matchEnd);
            parts.Add(new(text[from..to], true));
            at = to;
        }
        if (at < end) parts.Add(new(text[at..end], false));
        if (end < text.Length) parts.Add(new("…", false));
        return new Snippet(parts);
    }

    /// <summary>Non-overlapping occurrences of the terms, in text order; at each position the longest term wins.</summary>
    private static List<(int Start, int End)> Matches(string text, List<string> longestFirst)
    {
        var taken = new bool[text.Length];
        var found = new List<(int Start, int End)>();
        foreach (var term in longestFirst)
        {
            for (var i = text.IndexOf(term, StringComparison.OrdinalIgnoreCase); i >= 0 && i < text.Length;
                 i = text.IndexOf(term, i + 1, StringComparison.OrdinalIgnoreCase))
            {
                if (i + term.Length > text.Length || taken.AsSpan(i, term.Length).Contains(true)) continue;
                taken.AsSpan(i, term.Length).Fill(true);
                found.Add((i, i + term.Length));
            }
        }
        found.Sort();
        return found;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
