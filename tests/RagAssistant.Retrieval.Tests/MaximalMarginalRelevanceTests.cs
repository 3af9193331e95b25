namespace RagAssistant.Retrieval.Tests;

public class MaximalMarginalRelevanceTests
{
    [Fact]
    public void NearDuplicate_GivesWayToADifferentRelevantCandidate()
    {
        float[] a = [1, 0, 0], c = [0, 1, 0];
        var order = MaximalMarginalRelevance.Order([1.0, 0.99, 0.95], [a, a, c], lambda: 0.7, take: 3);
        Assert.Equal([0, 2, 1], order);
    }

    [Fact]
    public void LambdaOne_KeepsTheRelevanceOrder()
    {
        float[] a = [1, 0, 0], c = [0, 1, 0];
        Assert.Equal([0, 1, 2], MaximalMarginalRelevance.Order([1.0, 0.99, 0.95], [a, a, c], lambda: 1.0, take: 3));
    }

    [Fact]
    public void CandidatesWithoutVectors_KeepTheirPlace()
    {
        Assert.Equal([0, 1, 2], MaximalMarginalRelevance.Order([0.9, 0.8, 0.7], [null, null, null], lambda: 0.7, take: 3));
        Assert.Empty(MaximalMarginalRelevance.Order([], [], lambda: 0.7, take: 5));
    }
}
