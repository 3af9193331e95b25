using System.Text.RegularExpressions;

namespace RagAssistant.Ingestion.Readers;

/// <summary>
/// Recognises numbered headings and clause numbers in plain text: "4.2.3 有效硬化层深度", "第十二条", "第三章",
/// "附录A", "Annex B", "一、", "（二）". A heading line is short and does not end like a sentence, and is not a measured
/// value ("3.2 V", "1.5 MPa": <see cref="MeasuredValue"/>).
/// </summary>
public static partial class NumberedHeading
{
    public const int MaxHeadingLength = 60;

    /// <summary>Returns the heading level (1 = top) and its number when the line is a numbered heading.</summary>
    public static bool TryParse(string line, out int level, out string number)
    {
        level = 0;
        number = "";
        var text = line.Trim();
        if (text.Length is 0 or > MaxHeadingLength || EndsLikeSentence(text) || MeasuredValue.IsWholeLine(text)) return false;

        var m = DecimalClause().Match(text);
        if (!m.Success) m = BareClauseNumber().Match(text);
        if (m.Success)
        {
            number = m.Groups["n"].Value;
            level = number.Count(c => c == '.') + 1;
            return level <= 6;
        }
        m = ChineseChapter().Match(text);
        if (m.Success)
        {
            number = m.Groups["n"].Value;
            level = m.Groups["unit"].Value switch { "编" or "篇" => 1, "章" => 1, "节" => 2, _ => 3 };
            return true;
        }
        m = Annex().Match(text);
        if (m.Success)
        {
            number = m.Groups["n"].Value;
            level = 1;
            return true;
        }
        m = ChineseOrdinal().Match(text);
        if (m.Success)
        {
            number = m.Groups["n"].Value;
            level = m.Value.StartsWith('（') || m.Value.StartsWith('(') ? 2 : 1;
            return true;
        }
        return false;
    }

    /// <summary>
    /// The title of a report's numbered item: an Arabic number with 、 or in brackets, then words, short and not a sentence
    /// ("8、长期股权投资", "(1)存货分类", "（2）按成本计量的投资性房地产", "1 期末单项金额重大的应收账款"). Too common in running text and lists to make a
    /// heading of a line, it names the table when it stands alone in a table's first row.
    /// </summary>
    public static bool IsNumberedItemTitle(string text)
    {
        var t = text.Trim();
        return t.Length is >= MinItemTitleLength and <= MaxItemTitleLength && !EndsLikeSentence(t) && NumberedItem().IsMatch(t) && !t.Skip(3).Any(char.IsAsciiDigit);
    }

    private const int MinItemTitleLength = 5;
    private const int MaxItemTitleLength = 40;

    [GeneratedRegex(@"^(?:\d{1,2}\s*、|[（(]\d{1,2}[)）]|\d{1,2}\s+(?=[\u4e00-\u9fff]))\s*[\u4e00-\u9fffA-Za-z]")]
    private static partial Regex NumberedItem();

    /// <summary>
    /// The clause number that opens a clause written as running text ("4.2.3 渗碳件淬火后应在 2 h 内回火。",
    /// "第十二条 操作者应……"), as standards without clause titles do: a multi-level decimal number or a 第…条, then a space.
    /// Single numbers ("3 件") are not taken: in running text they are quantities far more often than clauses. Nor is a
    /// line with no word after its number ("0.1 1 10 100"): a graph's axis labels.
    /// </summary>
    public static bool TryParseLeadingClause(string line, out int level, out string number)
    {
        level = 0;
        number = "";
        var m = LeadingClause().Match(line.TrimStart());
        if (!m.Success || MeasuredValue.IsWholeLine(line) || MeasuredValue.StartsLine(line) || !HasWord(line[m.Length..])) return false;
        number = m.Groups["n"].Value;
        level = number.StartsWith('第') ? 3 : number.Count(c => c == '.') + 1;
        return level <= 6;
    }

    /// <summary>A table caption: "表2 硬度要求", "表 A.1 …", "Table 2 – Maintenance schedule"; returns its number.</summary>
    /// <param name="maxLength">How long a caption may run: a heading's length, unless the table is known to follow it
    /// (<see cref="MaxCaptionLength"/>: a paper's caption is a sentence).</param>
    public static bool TryParseTableCaption(string line, out string number, int maxLength = MaxHeadingLength)
    {
        var m = TableCaption().Match(line.Trim());
        number = m.Success ? m.Groups["n"].Value : "";
        return m.Success && line.Trim().Length <= maxLength;
    }

    /// <summary>The longest caption read from the line right above a table ("Table 1 Potentiodynamic polarization data for …").</summary>
    public const int MaxCaptionLength = 200;

    /// <summary>
    /// Whether <paramref name="text"/> holds a word: a Chinese character, or a letter that does not go on from a digit or
    /// another letter. A line of figures ("20 100 1k 10k 20k", "–60.00") holds none; a title does ("Pre-start checks", "范围").
    /// </summary>
    public static bool HasWord(string text) => Word().IsMatch(text);

    /// <summary>A figure's caption: "Figure 6: …", "Fig. 2 …", "图 3 …" (what follows it is a drawing, not a table).</summary>
    public static bool IsFigureCaption(string line) => FigureCaption().IsMatch(line.Trim());

    /// <summary>
    /// Where a Chinese numbered heading's kind stands in the order Chinese documents nest them (0 = 第…编/篇, 1 = 章,
    /// 2 = 节, 3 = 条, 4 = 一、, 5 = （一）), or null for any other heading (<see cref="ChineseHeadingRanks"/>).
    /// </summary>
    public static int? ChineseKindOf(string heading)
    {
        var text = heading.Trim();
        if (ChineseChapter().Match(text) is { Success: true } chapter)
            return chapter.Groups["unit"].Value switch { "编" or "篇" => 0, "章" => 1, "节" => 2, _ => 3 };
        if (ChineseOrdinal().Match(text) is { Success: true } ordinal)
            return ordinal.Value.StartsWith('（') || ordinal.Value.StartsWith('(') ? 5 : 4;
        return null;
    }

    /// <summary>The clause number a heading starts with ("4.2.3", "第十二条", "附录A"), or null.</summary>
    public static string? ClauseNumberOf(string heading) => TryParse(heading, out _, out var number) ? number : null;

    private static bool EndsLikeSentence(string text) => text[^1] is '。' or '；' or ';' or '，' or ',' or '：' or ':' or '！' or '？';

    // "4 范围", "4.2.3 要求", "A.1 …"; the number must be followed by a space (or a CJK character) and a title with a
    // word (<see cref="HasWord"/>): "10 –60.00" or "20 100 1k 10k" (a graph's axis labels, a row of figures) names no section.
    [GeneratedRegex(@"^(?<n>(?:\d{1,2}|[A-Z])(?:\.\d{1,3}){0,5})(?:\s+|(?=[\u4e00-\u9fff]))(?<t>(?=.*(?:[\u4e00-\u9fff]|(?<![\p{L}\p{N}])\p{L}))\S.*)$")]
    private static partial Regex DecimalClause();

    // A clause number on its own, as a reader emits it for a clause without a title: "4.2.3" (never a bare "4"). No part
    // is 0 or starts with 0: "0.0" and "0.200" are an axis's values.
    [GeneratedRegex(@"^(?<n>[1-9]\d?(?:\.[1-9]\d{0,2}){1,5})$")]
    private static partial Regex BareClauseNumber();

    [GeneratedRegex(@"[\u4e00-\u9fff]|(?<![\p{L}\p{N}])\p{L}")]
    private static partial Regex Word();

    // As a bare clause number, no part is 0 or starts with 0: "0.0 30 1k" and "20.000 10.000" are a graph's axis values.
    [GeneratedRegex(@"^(?<n>[1-9]\d?(?:\.[1-9]\d{0,2}){1,5}|第[一二三四五六七八九十百零〇\d]+条)(?:\s+|(?=[\u4e00-\u9fff]))\S")]
    private static partial Regex LeadingClause();

    // The number may end with a full stop before the title ("Table 2. Molecular gases").
    [GeneratedRegex(@"^(?:表|Table|Tab\.)\s*(?<n>(?:[A-Z]\.?)?\d{1,3}(?:[.\-]\d{1,3})?)(?:\.(?=\s))?(?![\d.])(?:\s|$|[\u4e00-\u9fff:：–—-])", RegexOptions.IgnoreCase)]
    private static partial Regex TableCaption();

    [GeneratedRegex(@"^(?:图|Figure|Fig\.)\s*(?:[A-Z]\.?)?\d{1,3}(?:[.\-]\d{1,3})?(?:\.(?=\s))?(?![\d.])(?:\s|$|[\u4e00-\u9fff:：–—-])", RegexOptions.IgnoreCase)]
    private static partial Regex FigureCaption();

    [GeneratedRegex(@"^(?<n>第[一二三四五六七八九十百零〇\d]+(?<unit>[编篇章节条]))(?:\s|$|[\u4e00-\u9fff])")]
    private static partial Regex ChineseChapter();

    [GeneratedRegex(@"^(?<n>(?:附\s*录|Annex|Appendix)\s*[A-Z])\b", RegexOptions.IgnoreCase)]
    private static partial Regex Annex();

    [GeneratedRegex(@"^(?:(?<n>[一二三四五六七八九十]+)、|[（(](?<n>[一二三四五六七八九十]+)[)）])")]
    private static partial Regex ChineseOrdinal();
}
