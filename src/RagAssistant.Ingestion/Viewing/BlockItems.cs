using RagAssistant.Core.Documents;
using RagAssistant.Core.Documents.Views;
using RagAssistant.Ingestion.Chunking;

namespace RagAssistant.Ingestion.Viewing;

/// <summary>
/// Flattens a reader's blocks into view items in reading order: headings, paragraphs, each table's header and rows,
/// records. Each item carries the section locator the chunker gives prose under the same headings
/// (<see cref="DocumentChunker.SectionLocator"/>), so a chunk citing "4.2.3" or "Setup > Tools" finds its section.
/// </summary>
internal static class BlockItems
{
    /// <param name="title">The context label the chunker was given (a heading equal to it is not part of a section path).</param>
    public static IReadOnlyList<ViewItem> From(ParsedDocument parsed, string title)
    {
        var items = new List<ViewItem>();
        var headings = new List<HeadingBlock>();
        var tables = 0;
        foreach (var block in parsed.Blocks)
        {
            var section = DocumentChunker.SectionLocator(headings, title);
            switch (block)
            {
                case HeadingBlock heading:
                    while (headings.Count > 0 && headings[^1].Level >= heading.Level) headings.RemoveAt(headings.Count - 1);
                    headings.Add(heading);
                    items.Add(new ViewItem(ViewItemKind.Heading, heading.Text) { Level = heading.Level, Section = DocumentChunker.SectionLocator(headings, title) });
                    break;
                case ParagraphBlock paragraph:
                    items.Add(new ViewItem(ViewItemKind.Paragraph, paragraph.Text, paragraph.Locator) { Section = section });
                    break;
                case RecordBlock record:
                    items.Add(new ViewItem(ViewItemKind.Record, record.Text, record.Locator) { Section = section });
                    break;
                case TableBlock table:
                    var index = tables++;
                    items.Add(new ViewItem(ViewItemKind.TableHeader, string.Join(" | ", table.Header))
                    {
                        Cells = table.Header, Table = index, Caption = table.Caption, Section = section,
                    });
                    foreach (var row in table.Rows)
                        items.Add(new ViewItem(ViewItemKind.TableRow, string.Join(" | ", row.Cells), row.Locator) { Cells = row.Cells, Table = index, Section = section });
                    break;
            }
        }
        return items;
    }
}
