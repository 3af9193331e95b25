using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Extensions.Options;
using RagAssistant.Core.Documents;
using RagAssistant.Ingestion.Readers.Cards;
using RagAssistant.Ingestion.Readers.Office;
using RagAssistant.Ingestion.Readers.Word;

namespace RagAssistant.Ingestion.Readers;

/// <summary>
/// Word documents (.docx), the main body only: headers and footers are left out on purpose (they repeat on every
/// page — the 872-page handbook has 55 of them — and hold page numbers and company names, not content). Headings
/// come from outline levels and heading styles; list paragraphs carry the numbers Word shows (<see cref="WordNumbering"/>);
/// text boxes follow the paragraph that anchors them; tables become grids with merges expanded. A process card in
/// the tables (<see cref="ProcessCardRecognizer"/>) becomes its header record and one record per operation, cited
/// as "table 2 row 5"; other tables become table blocks with their header row repeated in every chunk. Hidden text
/// (<see cref="HiddenRuns"/>) is left out, and the document warns how many passages lost some.
/// </summary>
public sealed class DocxReader(IOptions<IngestionOptions> options) : IDocumentReader
{
    private readonly IngestionOptions _options = options.Value;

    public IReadOnlyCollection<string> ContentTypes { get; } = [Detection.ContentTypes.Docx];

    private sealed record Item(DocumentBlock? Block, int Grid = -1, int Paragraph = -1);

    public ParsedDocument Read(ReaderInput input, CancellationToken cancellationToken)
    {
        OfficePackageGuard.Check(input.Bytes, _options);
        using var document = Open(input.Bytes);
        var body = document.MainDocumentPart?.Document?.Body ?? throw new IngestionException(IngestProblem.Damaged, "not a Word document: the .docx has no document body");
        var styles = new WordStyles(document.MainDocumentPart.StyleDefinitionsPart);
        var numbering = new WordNumbering(document.MainDocumentPart.NumberingDefinitionsPart);
        var hidden = new HiddenRuns(styles);

        var items = new List<Item>();
        var grids = new List<CellGrid>();
        var paragraphs = new List<string>();
        ReadContainer(body, 0);

        var card = grids.Count > 0 ? ProcessCardRecognizer.Recognize(grids, paragraphs) : null;
        var blocks = new List<DocumentBlock>();
        var headerPlaced = card?.ParagraphHeader is null;
        foreach (var item in items)
        {
            if (item.Block is not null)
            {
                if (card is not null && card.ConsumedParagraphs.Contains(item.Paragraph))
                {
                    if (!headerPlaced) { blocks.Add(card.ParagraphHeader!); headerPlaced = true; }
                    continue;
                }
                blocks.Add(item.Block);
            }
            else blocks.AddRange(OfficeBlocks.ForGrid(grids[item.Grid], item.Grid, card, headingLevel: 4));
        }
        if (!headerPlaced) blocks.Insert(0, card!.ParagraphHeader!);

        var title = card?.Title()
                    ?? blocks.OfType<HeadingBlock>().FirstOrDefault(h => h.Level == 1)?.Text
                    ?? blocks.OfType<HeadingBlock>().FirstOrDefault()?.Text;
        return new ParsedDocument(title, blocks, Warnings: HiddenPassages.Warning(hidden.Passages)) { Fields = card?.Metadata ?? new Dictionary<string, string>() };

        void ReadContainer(OpenXmlElement container, int depth)
        {
            if (depth > 32) return; // text boxes in text boxes in content controls: a bound against crafted nesting
            foreach (var child in container.ChildElements)
            {
                cancellationToken.ThrowIfCancellationRequested();
                switch (child)
                {
                    case Paragraph p:
                        var boxes = new List<TextBoxContent>();
                        var block = ReadParagraph(p, styles, numbering, boxes, hidden);
                        if (block is not null)
                        {
                            items.Add(new Item(block, Paragraph: paragraphs.Count));
                            paragraphs.Add(block is HeadingBlock h ? h.Text : ((ParagraphBlock)block).Text);
                        }
                        foreach (var box in boxes) ReadContainer(box, depth + 1);
                        break;
                    case Table t:
                        var tableBoxes = new List<TextBoxContent>();
                        grids.Add(WordTableGrid.Build(t, grids.Count + 1, tableBoxes, hidden));
                        items.Add(new Item(null, Grid: grids.Count - 1));
                        foreach (var box in tableBoxes) ReadContainer(box, depth + 1);
                        break;
                    case SdtBlock or CustomXmlBlock or SdtContentBlock or TextBoxContent:
                        ReadContainer(child, depth + 1);
                        break;
                }
            }
        }
    }

    private static DocumentBlock? ReadParagraph(Paragraph p, WordStyles styles, WordNumbering numbering, List<TextBoxContent> boxes, HiddenRuns hidden)
    {
        var properties = p.ParagraphProperties;
        var styleId = properties?.ParagraphStyleId?.Val?.Value;
        var text = WordText.Of(p, boxes, hidden);

        var numPr = properties?.NumberingProperties;
        var list = numPr?.NumberingId?.Val?.Value is { } numId
            ? (numId, numPr.NumberingLevelReference?.Val?.Value ?? 0)
            : styles.Numbering(styleId);
        // Word counts a numbered paragraph even when it is empty, so the counter advances before the text is checked.
        var number = list is { } l ? numbering.Next(l.Item1, l.Item2) : null;
        if (text.Length == 0) return null;
        if (number is not null) text = number + (char.IsWhiteSpace(number[^1]) ? "" : " ") + text;

        int? level = properties?.OutlineLevel?.Val?.Value is { } outline ? (outline is >= 0 and < 9 ? outline + 1 : null) : styles.HeadingLevel(styleId);
        return level is { } headingLevel && !text.Contains('\n') && text.Length <= 200
            ? new HeadingBlock(headingLevel, text)
            : new ParagraphBlock(text);
    }

    private static WordprocessingDocument Open(byte[] bytes)
    {
        try
        {
            return WordprocessingDocument.Open(new MemoryStream(bytes, writable: false), false);
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or IOException or FormatException)
        {
            throw new IngestionException(IngestProblem.Damaged, $"corrupt .docx: {ex.Message}", ex);
        }
    }
}
