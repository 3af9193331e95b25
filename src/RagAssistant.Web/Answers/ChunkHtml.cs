using System.Net;
using System.Text;

namespace RagAssistant.Web.Answers;

/// <summary>
/// A chunk's text as HTML for the document page: runs of table rows, which the chunker writes as pipe lines
/// ("| 工序号 | 工序内容 | … |", the header first when the table has one), become an HTML table through the answers'
/// Markdown pipeline (<see cref="AnswerHtml.SafeHtml"/>, so cell text is escaped the same way); every other line stays
/// plain, encoded text — a chunk is a document's words, not Markdown, and "1." or "*" in it must not turn into lists.
/// Each table sits in its own scrolling box, so a wide table never widens the page.
/// </summary>
public static class ChunkHtml
{
    public static string Render(string text)
    {
        var html = new StringBuilder();
        var rows = new List<string>();
        foreach (var line in (text ?? "").Split('\n'))
        {
            if (IsRow(line))
            {
                rows.Add(line.Trim());
                continue;
            }
            Flush();
            html.Append(WebUtility.HtmlEncode(line)).Append('\n');
        }
        Flush();
        return html.ToString().TrimEnd('\n');

        void Flush()
        {
            if (rows.Count == 0) return;
            // Markdown wants a delimiter row under the header: the first row (the chunker puts the header there). A table
            // without a header opens with the delimiter row itself (TableText.Separator): its header row is left blank.
            var columns = Math.Max(rows[0].Split('|').Length - 2, 1);
            var headerless = IsSeparator(rows[0]);
            var header = headerless ? "|" + string.Concat(Enumerable.Repeat("   |", columns)) : rows[0];
            var markdown = string.Join('\n', new[] { header, "|" + string.Concat(Enumerable.Repeat(" --- |", columns)) }.Concat(rows.Skip(1)));
            // The table's own line breaks would show in the pre-wrapped chunk text.
            html.Append("<div class=\"rag-chunk-table\">").Append(AnswerHtml.SafeHtml(markdown).Replace("\n", "", StringComparison.Ordinal)).Append("</div>");
            rows.Clear();
        }
    }

    private static bool IsSeparator(string row) => Core.Documents.TableRowShapes.IsSeparatorRow(Core.Documents.TableRowShapes.Cells(row));

    private static bool IsRow(string line)
    {
        var trimmed = line.Trim();
        return trimmed.Length >= 2 && trimmed[0] == '|' && trimmed[^1] == '|';
    }
}
