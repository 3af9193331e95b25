using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace RagAssistant.Core.Documents.Views;

/// <summary>A DOCX, Markdown, text or HTML document as the reader parsed it: headings, paragraphs, table rows and records.</summary>
public sealed partial record BlocksView(IReadOnlyList<ViewItem> Items) : DocumentView
{
    /// <summary>Normalised text shorter than this never matches by overlap: "OK" or "1" would be found everywhere.</summary>
    private const int MinOverlapChars = 4;

    /// <summary>The items a cited chunk covers, in order, for the viewer to highlight and scroll to (empty when none).</summary>
    public IReadOnlyList<int> IndexesFor(StoredChunk chunk) => IndexesFor(chunk.Locator, chunk.Text);

    /// <summary>
    /// The items a chunk with this locator and text covers: (1) items whose own locator is the chunk's or lies in its
    /// row range ("rows 5-9" covers "row 7"; "Sheet1!A5:K9" covers "Sheet1!A7:K7"), together with (2) the items whose
    /// whitespace-free text is contained in the chunk's text or contains it — searched in the section the chunk's
    /// locator names when it names one, else in the whole document. When (1) and (2) find nothing but the locator named a
    /// section, its items are returned. Headings are never highlighted: a chunk's text holds none.
    /// </summary>
    public IReadOnlyList<int> IndexesFor(string locator, string text)
    {
        var found = new SortedSet<int>();
        for (var i = 0; i < Items.Count; i++)
            if (Items[i].Kind != ViewItemKind.Heading && Items[i].Locator is { } own && Covers(locator, own)) found.Add(i);

        var section = Enumerable.Range(0, Items.Count).Where(i => Items[i].Kind != ViewItemKind.Heading && Items[i].Section == locator).ToList();
        var candidates = section.Count > 0 ? section : Enumerable.Range(0, Items.Count).Where(i => Items[i].Kind != ViewItemKind.Heading);
        var chunkText = Normalise(text);
        var byText = chunkText.Length < MinOverlapChars ? [] : candidates.Where(i =>
        {
            var itemText = Normalise(Items[i].Text);
            return itemText.Length >= MinOverlapChars && (chunkText.Contains(itemText, StringComparison.Ordinal) || itemText.Contains(chunkText, StringComparison.Ordinal));
        }).ToList();
        found.UnionWith(byText);
        if (found.Count == 0) found.UnionWith(section);
        return [.. found];
    }

    /// <summary>Whether a chunk's locator names an item's locator or a row range holding it (same sheet or table).</summary>
    internal static bool Covers(string chunkLocator, string itemLocator)
    {
        if (chunkLocator == itemLocator) return true;
        return RowRange(chunkLocator) is { } c && RowRange(itemLocator) is { } item
            && c.Prefix == item.Prefix && item.First >= c.First && item.Last <= c.Last;
    }

    private static (string Prefix, int First, int Last)? RowRange(string locator)
    {
        if (SheetLocator.TryParse(locator, out var sheet, out var first, out var last) && sheet is not null)
            return (sheet + "!", first, last);
        var m = PrefixedRows().Match(locator);
        if (!m.Success) return null;
        var a = int.Parse(m.Groups["a"].Value, CultureInfo.InvariantCulture);
        var b = m.Groups["b"].Success ? int.Parse(m.Groups["b"].Value, CultureInfo.InvariantCulture) : a;
        return (m.Groups["prefix"].Value, Math.Min(a, b), Math.Max(a, b));
    }

    /// <summary>Text without whitespace and table pipes, so a row "a | b" is found in a chunk's "| a | b |" lines.</summary>
    internal static string Normalise(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text)
            if (!char.IsWhiteSpace(ch) && ch != '|') sb.Append(ch);
        return sb.ToString();
    }

    [GeneratedRegex(@"^(?<prefix>.*?)rows? (?<a>\d{1,9})(?:-(?<b>\d{1,9}))?$")]
    private static partial Regex PrefixedRows();
}
