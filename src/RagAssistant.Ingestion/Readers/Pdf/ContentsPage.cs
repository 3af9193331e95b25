using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using RagAssistant.Core.Documents;

namespace RagAssistant.Ingestion.Readers.Pdf;

/// <summary>
/// Contents pages ("目录", "Contents", "Table of contents") become the document's outline, not tables and not body
/// headings. Runs on the readable pages after <see cref="RepeatedMargins"/> and before <see cref="PdfBlockBuilder"/>:
/// <list type="bullet">
/// <item>an entry is a line whose text ends with a page number after dot leaders ("1.1 Scope ........ 3",
/// "第一章 总则 …… 1"), or whose last segment is a page number after a gap of <see cref="GapInFontSizes"/> × its font
/// size; a line without a page number, reaching nearly as far right, just before an entry that has no clause number of
/// its own is the start of that entry (a title wrapped onto two lines);</item>
/// <item>a page is a contents page when at least <see cref="MinEntries"/> entries make at least <see cref="EntryShare"/>
/// of its lines (its heading aside), it has a contents heading among its first <see cref="HeadingLines"/> lines or most
/// of its entries have dot leaders, and the page numbers are arabic numbers within the document's page count that never
/// go down (roman numbers are let through). A price or parts list with numbers at the right has neither leaders nor
/// such a heading, and its numbers do not rise like page numbers;</item>
/// <item>it stands among the first <see cref="EarlyPages"/> pages (or the first <see cref="EarlyShare"/> of a long
/// document), or directly follows a contents page — then one entry is enough, and without a heading of its own its
/// numbers carry on from the previous page's.</item>
/// </list>
/// The entries and the heading leave the page's lines (so the table detector never sees them); each contents page gives
/// one plain paragraph, "目录 Contents: 1 范围 Scope; 1.1 …", readable and searchable but not a table.
/// </summary>
internal static partial class ContentsPage
{
    private const int MinEntries = 3;
    private const double EntryShare = 0.6;
    private const int HeadingLines = 3;
    private const double GapInFontSizes = 2;
    /// <summary>A wrapped entry's first line ends within this share of the entry's width from its right end.</summary>
    private const double WrapSlack = 0.25;
    private const int EarlyPages = 6;
    private const double EarlyShare = 0.1;

    /// <summary>Recognises the contents pages among <paramref name="pages"/>, takes their entries out and returns the outline.</summary>
    public static PdfOutline Extract(IReadOnlyList<PdfPageText> pages, int pageCount)
    {
        var outline = new PdfOutline();
        var early = Math.Max(EarlyPages, (int)(EarlyShare * pageCount));
        var heading = "Contents";
        var lastNumber = 0;
        var previousWasContents = false;
        foreach (var page in pages)
        {
            if (page.Lines.Count == 0) continue;
            if (page.Number > early && !previousWasContents) break;
            var found = Recognise(page, pageCount, previousWasContents, previousWasContents ? lastNumber : 0);
            previousWasContents = found is not null;
            if (found is null) continue;

            var (headingLine, entries) = found.Value;
            if (headingLine is not null) heading = headingLine.Text;
            lastNumber = entries.Select(e => e.Number).OfType<int>().DefaultIfEmpty(lastNumber).Max();
            var taken = entries.SelectMany(e => e.Lines).ToList();
            if (headingLine is not null) taken.Insert(0, headingLine);
            var text = $"{heading}: {string.Join("; ", entries.Select(e => e.Text))}";
            outline.AddPage(page.Number, entries.Select(e => new OutlineEntry(e.Text, LevelOf(e.Text), e.Number, page.Number)).ToList(),
                new ParagraphBlock(text, page.Number, null, taken.Select(l => l.Box).ToList()));
            var drop = taken.ToHashSet();
            page.Lines.RemoveAll(drop.Contains);
        }
        return outline;
    }

    /// <summary>"目录", "目 录 Contents", "Table of Contents", "CONTENTS:" — the heading of a contents page.</summary>
    public static bool IsHeading(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
            if (!char.IsWhiteSpace(c)) sb.Append(char.ToLowerInvariant(c));
        var key = sb.ToString().TrimEnd(':', '：');
        return key.Length > 0 && HeadingKey().IsMatch(key);
    }

    /// <summary>The clause or chapter number an entry or a body line starts with ("1.2.1", "第一章", "附录A"), or null.</summary>
    public static string? ClauseNumber(string text)
    {
        var m = DecimalNumber().Match(text.TrimStart());
        if (m.Success) return m.Groups["n"].Value;
        return NumberedHeading.TryParse(text, out _, out var number) ? number : null;
    }

    /// <summary>The entry's level: the depth of its decimal number ("1.2.1" → 3), a chapter's or annex's level, else 1.</summary>
    private static int LevelOf(string text)
    {
        var m = DecimalNumber().Match(text.TrimStart());
        if (m.Success) return Math.Min(6, m.Groups["n"].Value.Count(c => c == '.') + 1);
        return NumberedHeading.TryParse(text, out var level, out _) ? level : 1;
    }

    private sealed record Entry(string Text, int? Number, bool Leaders, List<TextLine> Lines);

    private static (TextLine? Heading, List<Entry> Entries)? Recognise(PdfPageText page, int pageCount, bool continues, int firstNumber)
    {
        var lines = page.Lines;
        var heading = lines.Take(HeadingLines).FirstOrDefault(l => IsHeading(l.Text));
        var entries = new List<Entry>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i] == heading || TryEntry(lines[i]) is not { } entry) continue;
            // A title wrapped onto two lines: the line before, without a page number and running most of the way to the
            // right margin (a short one, "重要提示", is an entry of its own without a page number), starts the entry.
            var previous = i > 0 ? lines[i - 1] : null;
            if (previous is not null && previous != heading && ClauseNumber(entry.Text) is null && TryEntry(previous) is null
                && Math.Abs(previous.FontSize - lines[i].FontSize) <= 0.1 * lines[i].FontSize
                && previous.Right >= lines[i].Right - WrapSlack * (lines[i].Right - lines[i].Left))
                entry = entry with { Text = TextJoin.Lines([previous.Text.Trim(), entry.Text]), Lines = [previous, lines[i]] };
            entries.Add(entry);
        }

        if (entries.Count < (continues ? 1 : MinEntries)) return null;
        var others = lines.Count - (heading is null ? 0 : 1);
        if (entries.Sum(e => e.Lines.Count) < EntryShare * others) return null;
        if (heading is null && 2 * entries.Count(e => e.Leaders) < entries.Count) return null;
        var last = heading is null ? firstNumber : 0;
        foreach (var number in entries.Select(e => e.Number).OfType<int>())
        {
            if (number < last || number > pageCount) return null;
            last = number;
        }
        return (heading, entries);
    }

    private static Entry? TryEntry(TextLine line)
    {
        var m = Leadered().Match(line.Text);
        if (m.Success) return Make(m.Groups["t"].Value, m.Groups["p"].Value, leaders: true, line);
        var segments = line.Segments;
        if (segments.Count < 2) return null;
        var number = segments[^1].Text.Trim();
        if (!PageNumber().IsMatch(number) || segments[^1].Left - segments[^2].Right < GapInFontSizes * line.FontSize) return null;
        return Make(string.Join(' ', segments.Take(segments.Count - 1).Select(s => s.Text)), number, leaders: false, line);
    }

    private static Entry? Make(string title, string page, bool leaders, TextLine line)
    {
        var text = TextJoin.Collapse(title).TrimEnd('.', '…', '·', '_', ' ');
        if (!text.Any(char.IsLetter)) return null;
        int? number = int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        return new Entry(text, number, leaders, [line]);
    }

    // Dot leaders: two or more ellipses, or four or more dots (middle dots, full-width dots, underscores), spaces between
    // allowed; then the page number, arabic or roman.
    [GeneratedRegex(@"^(?<t>.*?\S)\s*(?:[…⋯]{2,}|(?:[.·．_]\s?){4,})\s*(?<p>\d{1,4}|[ivxlc]{1,7})$", RegexOptions.IgnoreCase)]
    private static partial Regex Leadered();

    [GeneratedRegex(@"^(?:\d{1,4}|[ivxlc]{1,7})$", RegexOptions.IgnoreCase)]
    private static partial Regex PageNumber();

    [GeneratedRegex(@"^(?:目录|目次)?(?:contents|tableofcontents)?$")]
    private static partial Regex HeadingKey();

    [GeneratedRegex(@"^(?<n>\d{1,2}(?:\.\d{1,3}){0,5})(?=\s|[\u4e00-\u9fff]|$)")]
    private static partial Regex DecimalNumber();
}
