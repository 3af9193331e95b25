using RagAssistant.Core.Language;

namespace RagAssistant.Core.Tests;

public sealed class RarityTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    [InlineData(500)]
    public void ATermInNoCandidate_WeighsOne(int candidates) => Assert.Equal(1.0, Rarity.Of(0, candidates), 12);

    [Fact]
    public void NoCandidates_WeighsOne() => Assert.Equal(1.0, Rarity.Of(0, 0));

    [Theory]
    [InlineData(10)]
    [InlineData(40)]
    public void ATermInEveryCandidate_WeighsLeast_ButMoreThanNothing(int candidates)
    {
        var inAll = Rarity.Of(candidates, candidates);
        Assert.InRange(inAll, double.Epsilon, 0.5);
        for (var holding = 0; holding < candidates; holding++)
            Assert.True(Rarity.Of(holding, candidates) > inAll);
    }

    [Fact]
    public void TheMoreCandidatesHoldATerm_TheLessItWeighs()
    {
        const int candidates = 30;
        for (var holding = 0; holding < candidates; holding++)
            Assert.True(Rarity.Of(holding, candidates) > Rarity.Of(holding + 1, candidates), $"holding {holding} vs {holding + 1}");
    }

    [Fact]
    public void APartNumberInEveryRowOfACard_WeighsLessThanTheOperationInOneRow()
    {
        // A process card of 12 rows: the part number is in all of them, "精车" in one.
        Assert.True(Rarity.Of(1, 12) > 2 * Rarity.Of(12, 12));
    }
}
