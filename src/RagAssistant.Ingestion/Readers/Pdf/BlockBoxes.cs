using RagAssistant.Core.Documents;

namespace RagAssistant.Ingestion.Readers.Pdf;

/// <summary>Rewrites the boxes of parsed blocks (paragraphs, records, table rows) through a mapping; the blocks are records, copied, never changed.</summary>
internal static class BlockBoxes
{
    public static List<DocumentBlock> Map(IEnumerable<DocumentBlock> blocks, Func<PageBox, PageBox> map) =>
        blocks.Select(block => block switch
        {
            ParagraphBlock { Boxes.Count: > 0 } p => p with { Boxes = Mapped(p.Boxes, map) },
            RecordBlock { Boxes.Count: > 0 } r => r with { Boxes = Mapped(r.Boxes, map) },
            TableBlock t => t with { Rows = t.Rows.Select(row => row.Boxes is { Count: > 0 } ? row with { Boxes = Mapped(row.Boxes, map) } : row).ToList() },
            _ => block,
        }).ToList();

    private static List<PageBox> Mapped(IReadOnlyList<PageBox>? boxes, Func<PageBox, PageBox> map) => boxes!.Select(map).ToList();
}
