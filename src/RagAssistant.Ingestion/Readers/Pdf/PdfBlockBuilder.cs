using System.Globalization;
using RagAssistant.Core.Documents;
using RagAssistant.Core.Language;

namespace RagAssistant.Ingestion.Readers.Pdf;

/// <summary>
/// Turns the pages' lines (reading order, headers and footers removed) into blocks:
/// <list type="bullet">
/// <item>tables (<see cref="TableDetector"/>), with the caption line just above them ("表2 …", "Table 2 …"), joined with
/// their continuation at the top of the next page (same columns; a repeated header row is dropped);</item>
/// <item>headings: a line that starts a paragraph and is a numbered clause or chapter ("4.2.3 要求", "第三章", "附录A"),
/// or is set in a font at least <see cref="HeadingSizeRatio"/> × the body size, or is a short bold line standing alone,
/// or is an entry of the contents pages' outline (<see cref="PdfOutline.LevelOf"/>) — but never a measured value alone
/// ("3.2 V", <see cref="MeasuredValue"/>);
/// a clause that starts with its number inside running text ("4.2.3 渗碳件……。") gives a heading of the bare number;</item>
/// <item>paragraphs: consecutive lines of one column until a break — a vertical gap clearly above the page's usual
/// line gap, a change of font size, a list marker, a first-line indent, or a short line ending a sentence.</item>
/// </list>
/// Every paragraph and row keeps the boxes of its lines.
/// </summary>
internal sealed class PdfBlockBuilder(PdfOutline? outline = null)
{
    private const double HeadingSizeRatio = 1.15;
    private const int MaxBoldHeadingLength = 40;

    private readonly PdfOutline _outline = outline ?? PdfOutline.Empty;
    private readonly List<object> _raw = [];
    private readonly List<TextLine> _paragraph = [];
    private double _bodySize;
    private int _lastNumberedLevel;

    /// <summary>The tables found, continuations joined, in document order (after <see cref="Build"/>).</summary>
    public List<DetectedTable> Tables { get; } = [];

    public (string? Title, List<DocumentBlock> Blocks) Build(IReadOnlyList<PdfPageText> pages)
    {
        _bodySize = BodySize(pages);
        foreach (var page in pages) AddPage(page);
        FlushParagraph();
        return (Title(pages), ToBlocks());
    }

    private void AddPage(PdfPageText page)
    {
        var gap = TypicalGap(page.Lines);
        var columns = page.Lines.GroupBy(l => l.Column).ToDictionary(g => g.Key, g => (Left: g.Min(l => l.Left), Right: g.Max(l => l.Right)));
        var items = TableDetector.Split(page.Number, page.Lines, page.Rulings);
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is DetectedTable table)
            {
                FlushParagraph();
                if (_raw.Count > 0 && _raw[^1] is CaptionLine caption && caption.Page == table.Page)
                {
                    _raw.RemoveAt(_raw.Count - 1);
                    table.Caption = caption.Text;
                }
                _raw.Add(table);
                continue;
            }
            var line = (TextLine)items[i];
            var next = i + 1 < items.Count ? items[i + 1] as TextLine : null;
            var column = columns[line.Column];
            var starts = _paragraph.Count == 0 || Breaks(_paragraph[^1], line, gap, column.Left, column.Right);
            var standsAlone = next is null || Breaks(line, next, gap, column.Left, column.Right) || next.FontSize > line.FontSize * 1.05;

            // A table's caption right above it: this line, or the paragraph it ends when that opens with the table's
            // number ("Table 1" / "Potentiodynamic polarization data for …", a paper's caption set as a sentence).
            if (i + 1 < items.Count && items[i + 1] is DetectedTable
                && (starts ? line.Text : TextJoin.Lines([.. _paragraph.Select(l => l.Text), line.Text])) is var captionText
                && NumberedHeading.TryParseTableCaption(captionText, out _, starts ? NumberedHeading.MaxHeadingLength : NumberedHeading.MaxCaptionLength))
            {
                if (!starts) _paragraph.Clear();
                FlushParagraph();
                _raw.Add(new CaptionLine(captionText, line.Page));
                continue;
            }
            // A line that fills its column and runs on into the next is the start of a paragraph, whatever it begins with.
            var runsOn = !standsAlone && line.Right >= column.Right - 2 * line.FontSize;
            if (starts && !runsOn && HeadingLevel(line, standsAlone) is { } level)
            {
                FlushParagraph();
                _raw.Add(new HeadingBlock(level, line.Text, line.Page));
                continue;
            }
            if (starts)
            {
                FlushParagraph();
                if (NumberedHeading.TryParseLeadingClause(line.Text, out var clauseLevel, out var number))
                {
                    _lastNumberedLevel = clauseLevel;
                    _raw.Add(new HeadingBlock(clauseLevel, number, line.Page));
                }
            }
            _paragraph.Add(line);
        }
    }

    private int? HeadingLevel(TextLine line, bool standsAlone)
    {
        var text = line.Text;
        if (text.Length > 100 || TextJoin.EndsSentence(text) && !text.EndsWith(':') || MeasuredValue.IsWholeLine(text)) return null;
        // A paper's byline (S. Novopashin and A. Muriel) or a sign-off (编制：张伟), however it is set, names who wrote the
        // text: it is read as text, where "who wrote it" finds it, not as a heading over the abstract.
        if (IsByline(text) && !NumberedHeading.TryParse(text, out _, out _)) return null;
        if (_outline.LevelOf(text) is { } outlined)
        {
            _lastNumberedLevel = outlined;
            return outlined;
        }
        if (NumberedHeading.TryParse(text, out var level, out var number) && (standsAlone || line.FontSize > _bodySize * 1.05 || line.Bold)
            && !(number.Length == 1 && char.IsLetter(number[0])))
        {
            _lastNumberedLevel = level;
            return level;
        }
        if (line.FontSize >= _bodySize * HeadingSizeRatio && NumberedHeading.HasWord(text))
            return line.FontSize >= _bodySize * 1.5 || _lastNumberedLevel == 0 ? 1 : Math.Min(6, _lastNumberedLevel + 1);
        if (line.Bold && standsAlone && text.Length <= MaxBoldHeadingLength && NumberedHeading.HasWord(text) && !TextJoin.EndsSentence(text))
            return Math.Min(6, _lastNumberedLevel + 1);
        return null;
    }

    /// <summary>
    /// Two people named by their initials (S. Novopashin and A. Muriel) or an author's label (编制：张伟, Prepared by …):
    /// one initial before a capitalised word alone is as often a lettered heading ("A. Introduction").
    /// </summary>
    private static bool IsByline(string text)
    {
        var matches = LanguagePatterns.StatesByline.Matches(text);
        return matches.Count >= 2 || matches.Any(m => !(m.Value.Length > 1 && char.IsAsciiLetterUpper(m.Value[0]) && m.Value[1] == '.'));
    }

    private bool Breaks(TextLine previous, TextLine line, double typicalGap, double columnLeft, double columnRight)
    {
        if (previous.Page != line.Page || previous.Column != line.Column) return !GoesOnAcross(previous, line);
        var size = Math.Max(previous.FontSize, line.FontSize);
        var gap = previous.Bottom - line.Top;
        if (gap > typicalGap + 0.4 * size || gap < -0.5 * size) return true;
        if (Math.Abs(previous.FontSize - line.FontSize) > 0.15 * size) return true;
        if (TextJoin.StartsListItem(line.Text)) return true;
        if (line.Left > columnLeft + 1.5 * line.FontSize && previous.Left <= columnLeft + 0.5 * previous.FontSize) return true;
        return TextJoin.EndsSentence(previous.Text) && previous.Right < columnRight - 2 * previous.FontSize;
    }

    /// <summary>
    /// A sentence cut by the end of a page or a column goes on at the top of the next ("… an internal diameter of" / "1.3 mm
    /// and the length of 300 mm."): the line above stops mid-sentence, and the new one is set alike and starts no list
    /// item, clause or heading (of the outline, too). Otherwise a new page or column starts a new block.
    /// </summary>
    private bool GoesOnAcross(TextLine previous, TextLine line) =>
        !TextJoin.EndsSentence(previous.Text)
        && Math.Abs(previous.FontSize - line.FontSize) <= 0.15 * Math.Max(previous.FontSize, line.FontSize) && previous.Bold == line.Bold
        && !TextJoin.StartsListItem(line.Text) && !NumberedHeading.TryParse(line.Text, out _, out _)
        && !NumberedHeading.TryParseLeadingClause(line.Text, out _, out _) && _outline.LevelOf(line.Text) is null;

    /// <summary>The median vertical gap between consecutive lines of one column on the page: its ordinary leading.</summary>
    private static double TypicalGap(List<TextLine> lines)
    {
        var gaps = new List<double>();
        for (var i = 1; i < lines.Count; i++)
        {
            if (lines[i].Column != lines[i - 1].Column) continue;
            var gap = lines[i - 1].Bottom - lines[i].Top;
            if (gap >= -0.5 && gap < 3 * lines[i].FontSize) gaps.Add(gap);
        }
        if (gaps.Count == 0) return 2;
        gaps.Sort();
        return gaps[gaps.Count / 2];
    }

    /// <summary>The font size that carries the most characters of running text (one-segment lines; table cells aside).</summary>
    private static double BodySize(IReadOnlyList<PdfPageText> pages)
    {
        var bySize = new Dictionary<double, int>();
        foreach (var line in pages.SelectMany(p => p.Lines))
        {
            if (line.Segments.Count > 1) continue;
            var key = Math.Round(line.FontSize * 2) / 2;
            bySize[key] = bySize.GetValueOrDefault(key) + line.Text.Length;
        }
        return bySize.Count == 0 ? 10 : bySize.MaxBy(kv => kv.Value).Key;
    }

    /// <summary>
    /// The largest-font line(s) among the first lines of the first page with text, when larger than the body. A contents
    /// page counts as that first page: what is left of it once its entries are taken out (a name above "目录"), or no
    /// title — never a contents heading, never a section heading from a later page.
    /// </summary>
    private string? Title(IReadOnlyList<PdfPageText> pages)
    {
        var first = pages.FirstOrDefault(p => p.Lines.Count > 0 || _outline.Pages.Contains(p.Number));
        if (first is null) return null;
        var head = first.Lines.Take(20).Where(l => !ContentsPage.IsHeading(l.Text)).ToList();
        if (head.Count == 0) return null;
        var max = head.Max(l => l.FontSize);
        if (max < _bodySize * HeadingSizeRatio) return null;
        var title = head.SkipWhile(l => l.FontSize < max - 0.5).TakeWhile(l => l.FontSize >= max - 0.5).Select(l => l.Text).ToList();
        var text = TextJoin.Lines(title);
        return text.Length is > 1 and <= 150 ? text : null;
    }

    private void FlushParagraph()
    {
        if (_paragraph.Count == 0) return;
        _raw.Add(new ParagraphBlock(WrappedLines.Join(_paragraph.Select(l => l.Text)), _paragraph[0].Page, null, _paragraph.Select(l => l.Box).ToList()));
        _paragraph.Clear();
    }

    private List<DocumentBlock> ToBlocks()
    {
        var blocks = new List<DocumentBlock>(_raw.Count);
        DetectedTable? open = null;
        var tableNumber = 0;
        for (var i = 0; i < _raw.Count; i++)
        {
            var item = _raw[i];
            // "资产负债表(续表)", "表 3（续）", "Table 3 (continued)" over the next page's rows says the table goes on: the
            // line joins nothing, and the rows join the table they continue.
            if (open is not null && ContinuationLine.Marks(LineText(item)) && i + 1 < _raw.Count
                && _raw[i + 1] is DetectedTable next && TableDetector.Continues(open, next))
                continue;
            switch (item)
            {
                case DetectedTable table when open is not null && TableDetector.Continues(open, table):
                    TableDetector.Join(open, table);
                    continue;
                case DetectedTable table:
                    open = table;
                    blocks.Add(new TablePlaceholder(table));
                    continue;
                case CaptionLine caption:
                    blocks.Add(new ParagraphBlock(caption.Text, caption.Page));
                    break;
                case DocumentBlock block:
                    blocks.Add(block);
                    break;
            }
            open = null;
        }
        for (var i = 0; i < blocks.Count; i++)
            if (blocks[i] is TablePlaceholder placeholder)
            {
                Tables.Add(placeholder.Table);
                blocks[i] = ToTable(placeholder.Table, ++tableNumber);
            }
        ChineseHeadingRanks.Apply(blocks);
        return blocks;
    }

    /// <summary>The header rows with each wrapped line (<see cref="DetectedTable.WrappedHeaderRows"/>) joined to the label above it, column by column.</summary>
    private static List<string[]> HeaderLabels(DetectedTable table)
    {
        var rows = table.ExpandedRows().Take(table.HeaderRows).Select(r => (string[])r.Clone()).ToList();
        for (var w = 0; w < table.WrappedHeaderRows && rows.Count > 1; w++)
        {
            var wrapped = rows[^1];
            rows.RemoveAt(rows.Count - 1);
            for (var c = 0; c < wrapped.Length; c++)
                if (wrapped[c].Length > 0) rows[^1][c] = rows[^1][c].Length == 0 ? wrapped[c] : TextJoin.Lines([rows[^1][c], wrapped[c]]);
        }
        for (var r = 0; r + 1 < rows.Count; r++)
            if (TableHeaders.IsGroupLabelRow(rows[r], rows[r + 1])) rows[r] = SpreadOverGroups(rows[r]);
        return rows;
    }

    /// <summary>
    /// Each label of a group-label row names the columns it is centred over: as many on each side as it has room for
    /// before its neighbour's half of the empty cells between them (期末数 in the middle of three columns names all
    /// three). The first column is the rows' key, under no group ('项目' there names it alone).
    /// </summary>
    private static string[] SpreadOverGroups(string[] row)
    {
        var labels = Enumerable.Range(1, row.Length - 1).Where(c => row[c].Length > 0).ToList();
        var spread = (string[])row.Clone();
        for (var i = 0; i < labels.Count; i++)
        {
            var c = labels[i];
            var leftRoom = i > 0 ? (c - labels[i - 1] - 1) / 2 : c - 1;
            var rightRoom = i + 1 < labels.Count ? (labels[i + 1] - c - 1) / 2 : row.Length - 1 - c;
            var reach = Math.Min(leftRoom, rightRoom);
            for (var k = c - reach; k <= c + reach; k++) spread[k] = row[c];
        }
        return spread;
    }

    private static TableBlock ToTable(DetectedTable table, int ordinal)
    {
        var number = table.Caption is not null && NumberedHeading.TryParseTableCaption(table.Caption, out var n) ? n : ordinal.ToString(CultureInfo.InvariantCulture);
        var header = TableColumns.Paths(HeaderLabels(table));
        var body = table.ExpandedRows(repeatAcross: false);
        var rows = new List<TableRow>(table.Rows.Count - table.HeaderRows);
        for (var r = table.HeaderRows; r < table.Rows.Count; r++)
            rows.Add(new TableRow(body[r], $"table {number} row {rows.Count + 1}", table.Rows[r].Boxes));
        return new TableBlock(table.Caption, header, rows, table.Page);
    }

    private sealed record CaptionLine(string Text, int Page);

    /// <summary>The text of a line or heading standing between blocks; null for anything else.</summary>
    private static string? LineText(object item) => item switch
    {
        CaptionLine caption => caption.Text,
        HeadingBlock heading => heading.Text,
        ParagraphBlock paragraph => paragraph.Text,
        _ => null,
    };

    /// <summary>Holds a table's place in the block list until its continuations are joined.</summary>
    private sealed record TablePlaceholder(DetectedTable Table) : DocumentBlock(Table.Page);
}
