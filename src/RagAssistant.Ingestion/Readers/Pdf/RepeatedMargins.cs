using System.Text;
using System.Text.RegularExpressions;

namespace RagAssistant.Ingestion.Readers.Pdf;

/// <summary>
/// Running headers and footers: a line among the top or bottom three of a page, inside the top or bottom
/// <see cref="Band"/> of the page height, whose text — digits replaced, spaces removed — recurs on at least 40 % of the
/// pages with text (at least 3 pages; both pages of a 2-page document). Bare page numbers in the bands ("- 3 -",
/// "第 3 页 共 9 页", "第II页 共II页" of front matter, "Page 3 of 9") go on every page. Odd/even headers that alternate
/// each reach about 50 %, hence 40 %. Lines alike but for their digits count only when the text is the same, or a number
/// in them follows the page number: table rows at the edge of each page of a long table are not a footer.
/// The first page keeps its lines: that is where a document's code and title stand, which classification needs.
/// </summary>
internal static partial class RepeatedMargins
{
    private const double Band = 0.12;
    private const int LinesPerEdge = 3;

    /// <summary>Removes the running headers and footers; returns the running header that may stand for the document's title (<see cref="RunningTitle"/>).</summary>
    public static string? Remove(IReadOnlyList<PdfPageText> pages)
    {
        var withText = pages.Where(p => p.Lines.Count > 0).ToList();
        var seen = new Dictionary<string, List<(int Page, string Text)>>();
        foreach (var page in withText)
            foreach (var line in Candidates(page).DistinctBy(l => Key(l.Text)))
            {
                if (!seen.TryGetValue(Key(line.Text), out var list)) seen[Key(line.Text)] = list = [];
                list.Add((page.Number, line.Text));
            }

        var threshold = withText.Count switch
        {
            < 2 => int.MaxValue,
            2 => 2,
            _ => Math.Max(3, (int)Math.Ceiling(0.4 * withText.Count)),
        };
        var running = seen.Where(kv => kv.Value.Count >= threshold && IsRunning(kv.Value, threshold)).Select(kv => kv.Key).ToHashSet();
        foreach (var page in withText)
        {
            var drop = Candidates(page)
                .Where(l => PageNumber().IsMatch(l.Text) || (page.Number != pages[0].Number && running.Contains(Key(l.Text))))
                .ToHashSet();
            if (drop.Count > 0) page.Lines.RemoveAll(drop.Contains);
        }
        return RunningTitle(seen, running, threshold);
    }

    /// <summary>
    /// A book or a manual repeats its title in its running header ("再制造技术与工艺" over every even page): the text the
    /// most pages repeat word for word, when it holds no digit (no page number, date or revision: "REV. 0", "第 3 章")
    /// and is a title's length (2–60 characters with a word). The reader takes it only for a document without a title of
    /// its own.
    /// </summary>
    private static string? RunningTitle(Dictionary<string, List<(int Page, string Text)>> seen, HashSet<string> running, int threshold) =>
        seen.Where(kv => running.Contains(kv.Key))
            .SelectMany(kv => kv.Value.GroupBy(l => l.Text.Trim()))
            .Where(g => g.Count() >= threshold && g.Key.Length is >= 2 and <= MaxTitleLength && !g.Key.Any(char.IsDigit)
                        && g.Key.Count(char.IsLetter) >= 2 && !PageNumber().IsMatch(g.Key))
            .OrderByDescending(g => g.Count())
            .Select(g => g.Key)
            .FirstOrDefault();

    private const int MaxTitleLength = 60;

    /// <summary>
    /// Lines alike but for their digits are a running header or footer when they are the same text on enough pages, or
    /// when one of their numbers goes up with the page (a page number, printed with any offset). Table rows near the
    /// page's edge that differ only in their values (part numbers, sizes) are neither.
    /// </summary>
    private static bool IsRunning(List<(int Page, string Text)> lines, int threshold)
    {
        if (lines.GroupBy(l => l.Text).Max(g => g.Count()) >= threshold) return true;
        var numbers = lines.Select(l => (l.Page, Values: Digits().Matches(l.Text).Select(m => long.TryParse(m.Value, out var v) ? v : -1).ToList())).ToList();
        var positions = numbers.Min(n => n.Values.Count);
        for (var i = 0; i < positions; i++)
            if (numbers.GroupBy(n => n.Values[i] - n.Page).Max(g => g.Count()) >= threshold) return true;
        return false;
    }

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();

    private static IEnumerable<TextLine> Candidates(PdfPageText page)
    {
        var byHeight = page.Lines.OrderByDescending(l => l.Top).ToList();
        var top = page.Height > 0 ? page.Top - Band * page.Height : double.MaxValue;
        var bottom = page.Height > 0 ? page.Top - (1 - Band) * page.Height : double.MinValue;
        return byHeight.Take(LinesPerEdge).Where(l => l.Bottom >= top)
            .Concat(byHeight.TakeLast(LinesPerEdge).Where(l => l.Top <= bottom))
            .Distinct();
    }

    private static string Key(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c)) continue;
            sb.Append(char.IsDigit(c) ? '#' : char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }

    [GeneratedRegex(@"^\s*(?:[-–—·•]\s*)?(?:(?:page|p\.)\s*)?(?:\d{1,4}|[ivxlc]{1,6})(?:\s*(?:of|/)\s*\d{1,4})?(?:\s*[-–—·•])?\s*$|^\s*第\s*(?:\d{1,4}|[ivxlc]{1,6})\s*页(?:\s*[,，/]?\s*共\s*(?:\d{1,4}|[ivxlc]{1,6})\s*页)?\s*$|^\s*共\s*\d{1,4}\s*页\s*第\s*\d{1,4}\s*页\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex PageNumber();
}
