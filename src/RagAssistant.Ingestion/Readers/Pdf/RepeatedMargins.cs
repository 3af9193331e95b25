using System.Text;
using System.Text.RegularExpressions;

namespace RagAssistant.Ingestion.Readers.Pdf;

/// <summary>
/// Running headers and footers: a line among the top or bottom three of a page, inside the top or bottom
/// <see cref="Band"/> of the page height, whose text — digits replaced, spaces removed — recurs on at least 40 % of the
/// pages with text (at least 3 pages; both pages of a 2-page document). Bare page numbers in the bands ("- 3 -",
/// "第 3 页 共 9 页", "Page 3 of 9") go on every page. Odd/even headers that alternate each reach about 50 %, hence 40 %.
/// The first page keeps its lines: that is where a document's code and title stand, which classification needs.
/// </summary>
internal static partial class RepeatedMargins
{
    private const double Band = 0.12;
    private const int LinesPerEdge = 3;

    public static void Remove(IReadOnlyList<PdfPageText> pages)
    {
        var withText = pages.Where(p => p.Lines.Count > 0).ToList();
        var counts = new Dictionary<string, int>();
        foreach (var page in withText)
            foreach (var key in Candidates(page).Select(l => Key(l.Text)).Distinct())
                counts[key] = counts.GetValueOrDefault(key) + 1;

        var threshold = withText.Count switch
        {
            < 2 => int.MaxValue,
            2 => 2,
            _ => Math.Max(3, (int)Math.Ceiling(0.4 * withText.Count)),
        };
        foreach (var page in withText)
        {
            var drop = Candidates(page)
                .Where(l => PageNumber().IsMatch(l.Text) || (page.Number != pages[0].Number && counts[Key(l.Text)] >= threshold))
                .ToHashSet();
            if (drop.Count > 0) page.Lines.RemoveAll(drop.Contains);
        }
    }

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

    [GeneratedRegex(@"^\s*(?:[-–—·•]\s*)?(?:(?:page|p\.)\s*)?(?:\d{1,4}|[ivxlc]{1,6})(?:\s*(?:of|/)\s*\d{1,4})?(?:\s*[-–—·•])?\s*$|^\s*第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?\s*$|^\s*共\s*\d{1,4}\s*页\s*第\s*\d{1,4}\s*页\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex PageNumber();
}
