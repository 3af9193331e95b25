using RagAssistant.Core.Documents;
using RagAssistant.Ingestion.Readers.Cards;

namespace RagAssistant.Ingestion.Readers.Office;

/// <summary>
/// The blocks of one grid in reading order: the process card's records anchored in it and the separate tables made
/// of the rows the card did not use, ordered by the row each starts at.
/// </summary>
internal static class OfficeBlocks
{
    public static IEnumerable<DocumentBlock> ForGrid(CellGrid grid, int gridIndex, CardAnalysis? card, int headingLevel, string? sectionName = null)
    {
        var anchored = new List<(int Row, int Order, IReadOnlyList<DocumentBlock> Blocks)>();
        if (card is not null)
            foreach (var (g, row, block) in card.Blocks)
                if (g == gridIndex) anchored.Add((row, anchored.Count, [block]));
        Func<int, bool>? excluded = card is null ? null : r => card.IsConsumed(gridIndex, r);
        foreach (var region in GridRegions.Find(grid, excluded))
            anchored.Add((region.FirstRow, anchored.Count, GridTableWriter.Write(grid, region, headingLevel, excluded, sectionName).ToList()));
        return anchored.OrderBy(a => a.Row).ThenBy(a => a.Order).SelectMany(a => a.Blocks);
    }
}
