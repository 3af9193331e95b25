using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using RagAssistant.Core.Documents;
using Block = Markdig.Syntax.Block;
using DocHeading = RagAssistant.Core.Documents.HeadingBlock;
using DocParagraph = RagAssistant.Core.Documents.ParagraphBlock;
using DocTableRow = RagAssistant.Core.Documents.TableRow;

namespace RagAssistant.Ingestion.Readers;

/// <summary>
/// Markdown through Markdig: ATX/setext headings, paragraphs, list items with their numbers, pipe tables, code blocks.
/// Raw HTML is reduced to its text. Paragraph locators are their first line numbers.
/// </summary>
public sealed class MarkdownReader : IDocumentReader
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().UseGridTables().Build();

    public IReadOnlyCollection<string> ContentTypes { get; } = [Detection.ContentTypes.Markdown];

    public ParsedDocument Read(ReaderInput input, CancellationToken cancellationToken)
    {
        var document = Markdown.Parse(input.Text, Pipeline);
        var blocks = new List<DocumentBlock>();
        var tables = 0;
        Walk(document, blocks, listPrefix: null, ref tables);
        var title = blocks.OfType<DocHeading>().OrderBy(h => h.Level).Select(h => h.Text).FirstOrDefault()
                    ?? blocks.OfType<DocParagraph>().Select(p => p.Text).FirstOrDefault(t => t.Length <= 100);
        return new ParsedDocument(title, blocks);
    }

    private static void Walk(ContainerBlock container, List<DocumentBlock> blocks, string? listPrefix, ref int tables)
    {
        foreach (var block in container)
        {
            switch (block)
            {
                case Markdig.Syntax.HeadingBlock heading:
                    var headingText = InlineText(heading.Inline);
                    if (headingText.Length > 0) blocks.Add(new DocHeading(heading.Level, headingText));
                    break;
                case Markdig.Syntax.ParagraphBlock paragraph:
                    AddParagraph(blocks, listPrefix + InlineText(paragraph.Inline), paragraph);
                    listPrefix = null; // only the first paragraph of a list item carries its marker
                    break;
                case Table table:
                    tables++;
                    blocks.Add(ReadTable(table, tables));
                    break;
                case ListBlock list:
                    foreach (var item in list.OfType<ListItemBlock>())
                    {
                        var marker = list.IsOrdered ? $"{item.Order}{list.OrderedDelimiter} " : "• ";
                        Walk(item, blocks, marker, ref tables);
                    }
                    break;
                case ContainerBlock inner:
                    Walk(inner, blocks, listPrefix, ref tables);
                    break;
                case HtmlBlock html:
                    AddParagraph(blocks, TextJoin.Collapse(HtmlTags.Strip(html.Lines.ToString())), html);
                    break;
                case LeafBlock leaf when leaf is CodeBlock:
                    AddParagraph(blocks, leaf.Lines.ToString().Trim(), leaf);
                    break;
            }
        }
    }

    private static void AddParagraph(List<DocumentBlock> blocks, string text, Block source)
    {
        if (!string.IsNullOrWhiteSpace(text)) blocks.Add(new DocParagraph(text, Locator: $"line {source.Line + 1}"));
    }

    private static TableBlock ReadTable(Table table, int number)
    {
        var rows = table.OfType<Markdig.Extensions.Tables.TableRow>().ToList();
        var headerRows = rows.TakeWhile(r => r.IsHeader).ToList();
        var header = headerRows.Count > 0 ? Cells(headerRows[^1]) : [];
        var body = rows.Skip(headerRows.Count)
            .Select((r, i) => new DocTableRow(Cells(r), $"table {number} row {i + 1}"))
            .ToList();
        return new TableBlock(null, header, body);
    }

    private static List<string> Cells(Markdig.Extensions.Tables.TableRow row) =>
        row.OfType<TableCell>()
            .Select(cell => TextJoin.Collapse(string.Join(" ", cell.OfType<LeafBlock>().Select(l => InlineText(l.Inline)))))
            .ToList();

    private static string InlineText(ContainerInline? inline)
    {
        if (inline is null) return "";
        var sb = new System.Text.StringBuilder();
        Append(inline, sb);
        return TextJoin.Collapse(sb.ToString());
    }

    private static void Append(Inline inline, System.Text.StringBuilder sb)
    {
        switch (inline)
        {
            case LiteralInline literal: sb.Append(literal.Content.ToString()); break;
            case CodeInline code: sb.Append(code.Content); break;
            case LineBreakInline: sb.Append(' '); break;
            case HtmlEntityInline entity: sb.Append(entity.Transcoded.ToString()); break;
            case AutolinkInline link: sb.Append(link.Url); break;
            case HtmlInline: break;
            case ContainerInline container:
                foreach (var child in container) Append(child, sb);
                break;
        }
    }
}
