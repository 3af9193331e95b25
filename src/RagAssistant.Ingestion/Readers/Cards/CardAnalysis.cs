using RagAssistant.Core.Documents;

namespace RagAssistant.Ingestion.Readers.Cards;

/// <summary>
/// What <see cref="ProcessCardRecognizer"/> made of a document's grids: the blocks that replace the card's rows
/// (anchored at the grid row where each belongs), the rows they used, and the recognised metadata.
/// </summary>
public sealed class CardAnalysis
{
    public required IReadOnlyDictionary<string, string> Metadata { get; init; }
    public required IReadOnlyList<CardField> Fields { get; init; }
    /// <summary>Blocks anchored at (grid, row); the header block's anchor is where the header block starts.</summary>
    public required IReadOnlyList<(int Grid, int Row, DocumentBlock Block)> Blocks { get; init; }
    /// <summary>The header block when the header came only from paragraphs (no grid holds it).</summary>
    public DocumentBlock? ParagraphHeader { get; init; }
    public required IReadOnlySet<int> ConsumedParagraphs { get; init; }
    public required IReadOnlyDictionary<int, HashSet<int>> ConsumedRows { get; init; }

    public bool IsConsumed(int grid, int row) => ConsumedRows.TryGetValue(grid, out var rows) && rows.Contains(row);

    /// <summary>
    /// A recognised card's title from its own fields: part name, then part number, card type and operation
    /// ("输出轴 JD-2105-0318 机械加工工序卡 OP60"), so the title contains the identity the classifier gives it. Null when
    /// no card type was recognised.
    /// </summary>
    public string? Title()
    {
        if (!Metadata.TryGetValue(DocumentField.CardType, out var type)) return null;
        var number = Metadata.GetValueOrDefault(DocumentField.PartNumber) ?? Metadata.GetValueOrDefault(DocumentField.DrawingNumber);
        var op = number is not null && Metadata.TryGetValue(DocumentField.OperationNumber, out var n) ? $"OP{n}" : null;
        return string.Join(' ', new[] { Metadata.GetValueOrDefault(DocumentField.PartName), number, type, op }.Where(p => !string.IsNullOrWhiteSpace(p)));
    }
}
