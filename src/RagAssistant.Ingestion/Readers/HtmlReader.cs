using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using RagAssistant.Core.Documents;

namespace RagAssistant.Ingestion.Readers;

/// <summary>
/// HTML through AngleSharp: the visible text of the body in document order. Headings h1–h6 become headings, tables
/// become tables (th row as header, colspan repeated), block elements become paragraphs. Script, style, templates and
/// navigation are skipped, and so are hidden elements (<see cref="HtmlHiddenElements"/>): what the page does not show
/// is not indexed, and the document warns how many hidden passages were left out.
/// </summary>
public sealed class HtmlReader : IDocumentReader
{
    private static readonly HashSet<string> Skipped = ["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "NAV", "SVG", "IFRAME", "HEAD", "BUTTON", "SELECT"];
    private static readonly HashSet<string> Inline =
        ["A", "ABBR", "B", "BDI", "BDO", "CITE", "CODE", "DATA", "DFN", "EM", "FONT", "I", "KBD", "MARK", "Q", "S", "SAMP",
         "SMALL", "SPAN", "STRONG", "SUB", "SUP", "TIME", "U", "VAR", "LABEL", "IMG", "WBR"];

    public IReadOnlyCollection<string> ContentTypes { get; } = [Detection.ContentTypes.Html];

    public ParsedDocument Read(ReaderInput input, CancellationToken cancellationToken)
    {
        var document = new HtmlParser().ParseDocument(input.Text);
        var blocks = new List<DocumentBlock>();
        var state = new WalkState(blocks, new HtmlHiddenElements(document));
        if (document.Body is not null) Walk(document.Body, state);
        state.FlushText();

        var title = TextJoin.Collapse(document.Title ?? "");
        if (title.Length == 0) title = blocks.OfType<HeadingBlock>().OrderBy(h => h.Level).Select(h => h.Text).FirstOrDefault() ?? "";
        return new ParsedDocument(title.Length > 0 ? title : null, blocks, Warnings: HiddenPassages.Warning(state.Hidden.Passages));
    }

    private sealed class WalkState(List<DocumentBlock> blocks, HtmlHiddenElements hidden)
    {
        public List<DocumentBlock> Blocks { get; } = blocks;
        public HtmlHiddenElements Hidden { get; } = hidden;
        public System.Text.StringBuilder Text { get; } = new();
        public int Tables { get; set; }

        public void FlushText()
        {
            var text = TextJoin.Collapse(Text.ToString());
            Text.Clear();
            if (text.Length > 0) Blocks.Add(new ParagraphBlock(text));
        }
    }

    private static void Walk(INode node, WalkState state)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IText text)
            {
                state.Text.Append(text.Data);
                continue;
            }
            if (child is not IElement element) continue;
            var tag = element.TagName.ToUpperInvariant();
            if (Skipped.Contains(tag) || state.Hidden.Hides(element)) continue;
            if (tag == "BR") { state.Text.Append(' '); continue; }
            if (Inline.Contains(tag)) { Walk(element, state); continue; }

            state.FlushText();
            switch (tag)
            {
                case "H1" or "H2" or "H3" or "H4" or "H5" or "H6":
                    var heading = VisibleText(element, state.Hidden);
                    if (heading.Length > 0) state.Blocks.Add(new HeadingBlock(tag[1] - '0', heading));
                    break;
                case "TABLE":
                    state.Tables++;
                    var table = ReadTable(element, state.Tables, state.Hidden);
                    if (table is not null) state.Blocks.Add(table);
                    break;
                case "LI":
                    var marker = element.ParentElement?.TagName.Equals("OL", StringComparison.OrdinalIgnoreCase) == true
                        ? $"{element.ParentElement.Children.Where(c => c.TagName == element.TagName).ToList().IndexOf(element) + 1}. "
                        : "• ";
                    state.Text.Append(marker);
                    Walk(element, state);
                    state.FlushText();
                    break;
                default:
                    Walk(element, state);
                    state.FlushText();
                    break;
            }
        }
    }

    /// <summary>The text of an element as the page shows it: like TextContent, without skipped or hidden elements.</summary>
    private static string VisibleText(IElement element, HtmlHiddenElements hidden)
    {
        var text = new System.Text.StringBuilder();
        Append(element);
        return TextJoin.Collapse(text.ToString());

        void Append(INode node)
        {
            foreach (var child in node.ChildNodes)
            {
                if (child is IText t) text.Append(t.Data);
                else if (child is IElement e && !Skipped.Contains(e.TagName.ToUpperInvariant()) && !hidden.Hides(e)) Append(e);
            }
        }
    }

    private static TableBlock? ReadTable(IElement table, int number, HtmlHiddenElements hidden)
    {
        // Rows of this table only, not of tables nested in its cells; not the rows a hidden row group or row hides.
        var rows = table.QuerySelectorAll("tr").Where(r => r.Closest("table") == table && !HiddenWithin(r, table, hidden)).ToList();
        if (rows.Count == 0) return null;
        var grid = rows.Select(r => Cells(r, hidden)).ToList();
        var headerIndex = rows.FindIndex(r => r.Children.Any() && r.Children.All(c => c.TagName == "TH"));
        var hasHeader = headerIndex == 0 || (headerIndex > 0 && rows[headerIndex].ParentElement?.TagName == "THEAD");
        var header = hasHeader ? grid[headerIndex] : [];
        var caption = table.QuerySelector("caption") is { } c ? VisibleText(c, hidden) : null;
        var body = grid
            .Select((cells, i) => (cells, i))
            .Where(x => !(hasHeader && x.i == headerIndex) && x.cells.Any(v => v.Length > 0))
            .Select((x, n) => new TableRow(x.cells, $"table {number} row {n + 1}"))
            .ToList();
        return new TableBlock(string.IsNullOrEmpty(caption) ? null : caption, header, body);
    }

    /// <summary>Whether the element, or one of its ancestors below <paramref name="container"/>, is hidden.</summary>
    private static bool HiddenWithin(IElement element, IElement container, HtmlHiddenElements hidden)
    {
        for (var e = element; e is not null && e != container; e = e.ParentElement)
            if (hidden.Hides(e)) return true;
        return false;
    }

    private static List<string> Cells(IElement row, HtmlHiddenElements hidden)
    {
        var cells = new List<string>();
        foreach (var cell in row.Children.Where(c => c.TagName is "TD" or "TH"))
        {
            // A hidden cell keeps its place in the row (columns stay aligned with the header) but shows nothing.
            var text = hidden.Hides(cell) ? "" : VisibleText(cell, hidden);
            var span = int.TryParse(cell.GetAttribute("colspan"), out var s) && s is > 1 and <= 50 ? s : 1;
            for (var i = 0; i < span; i++) cells.Add(text);
        }
        return cells;
    }
}
