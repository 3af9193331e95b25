namespace RagAssistant.Core.Language;

/// <summary>
/// The one idf of the product: how well a term tells candidates apart, from how many of them hold it — 1 for a term in
/// none, falling towards 0 for a term in all (the part number repeated in every row of a card). Term coverage in fusion
/// and the answerer's term weights both use it, over their own candidate pools.
/// </summary>
public static class Rarity
{
    /// <param name="holding">Candidates holding the term.</param>
    /// <param name="candidates">Candidates in all.</param>
    public static double Of(int holding, int candidates) =>
        candidates <= 0 ? 1 : Math.Log(1 + (double)candidates / (holding + 1)) / Math.Log(1 + candidates);
}
