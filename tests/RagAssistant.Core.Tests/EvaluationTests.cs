using RagAssistant.Core.Evaluation;

namespace RagAssistant.Core.Tests;

public class EvaluationTests
{
    private static readonly GoldPassage Gold = new() { Source = "Q-JD-105-2026.md", Contains = "0.8–1.2 mm，同一炉次" };

    [Fact]
    public void GoldMatch_NormalisesWhitespaceDashesAndWidth()
    {
        Assert.True(GoldMatcher.Matches(Gold, "corpus/docs/Q-JD-105-2026.md", "有效硬化层深度应为 0.8-1.2 mm, 同一 炉次", 100));
    }

    [Fact]
    public void GoldMatch_NeedsTheSourceOrAPathEndingWithIt()
    {
        Assert.False(GoldMatcher.Matches(Gold, "corpus/docs/X-Q-JD-105-2026.md", "0.8–1.2 mm，同一炉次", 100));
        Assert.True(GoldMatcher.Matches(Gold, "Q-JD-105-2026.md", "0.8–1.2 mm，同一炉次", 100));
    }

    [Fact]
    public void GoldMatch_NeverCountsGiantChunks()
    {
        Assert.False(GoldMatcher.Matches(Gold, "Q-JD-105-2026.md", "0.8–1.2 mm，同一炉次", 513));
    }

    [Fact]
    public void Metrics_FollowTheirDefinitions()
    {
        // Ranks 1..4: nothing, gold 0, gold 0 again, gold 1; two gold items.
        IReadOnlyList<IReadOnlyList<int>> matches = [[], [0], [0], [1]];
        var m = RetrievalMetrics.Compute(matches, 2);
        Assert.False(m.Hit1);
        Assert.True(m.Hit5);
        Assert.Equal(1.0, m.Recall5);
        Assert.Equal(0.5, m.Mrr10);
        var dcg = 1 / Math.Log2(3) + 1 / Math.Log2(5); // ranks 2 and 4 count; rank 3 repeats gold 0
        var ideal = 1 + 1 / Math.Log2(3);
        Assert.Equal(dcg / ideal, m.Ndcg10, 10);
    }

    [Fact]
    public void EmptyDenominators_AreNull()
    {
        var report = EvalAggregator.Report([]);
        Assert.Null(report.Hit5);
        Assert.Null(report.AnswerContains);
        Assert.Null(report.LatencyMs.Retrieve.P50);
    }

    [Fact]
    public void Report_SummarisesEachSplit_AndTheGapIsDevMinusTest()
    {
        EvalOutcome Outcome(string id, string split, bool hit, bool abstained) => new(
            new EvalQuestion { Id = id, Question = "q", Split = split, Gold = [Gold], AnswerContains = ["0.8"] },
            RetrievalMetrics.Compute(hit ? [[0]] : [[]], 1), [], 100, 1,
            new EvalAnswer(abstained ? "没有资料" : "0.8–1.2 mm", abstained ? "abstain" : "extractive", [hit], 1));

        var report = EvalAggregator.Report([
            Outcome("d1", "dev", hit: true, abstained: false), Outcome("d2", "dev", hit: true, abstained: false),
            Outcome("t1", "test", hit: true, abstained: false), Outcome("t2", "test", hit: false, abstained: true)]);

        Assert.Equal(["dev", "test"], report.BySplit.Keys);
        Assert.Equal(1.0, report.BySplit["dev"].Hit5);
        Assert.Equal(0.5, report.BySplit["test"].Hit5);
        Assert.Equal(0.5, report.SplitGap!["hit@5"]);
        Assert.Equal(0.5, report.SplitGap["answer_contains"]);
        Assert.Equal(-0.5, report.SplitGap["false_abstention"]);
        Assert.Null(report.SplitGap["abstention"]); // no no-answer questions on either side
        Assert.Equal(0.75, report.Hit5); // the overall keys still cover every question
    }

    [Fact]
    public void Report_WithoutBothSplits_HasNoGap()
    {
        var report = EvalAggregator.Report([new EvalOutcome(new EvalQuestion { Id = "a", Question = "q", Split = "dev" }, null, [], 0, 1, null)]);

        Assert.Equal(["dev"], report.BySplit.Keys);
        Assert.Null(report.SplitGap);
    }

    [Fact]
    public void Percentiles_UseNearestRank()
    {
        double[] values = [5, 1, 4, 2, 3];
        Assert.Equal(3, Percentiles.Of(values, 50));
        Assert.Equal(5, Percentiles.Of(values, 95));
        Assert.Equal(2.5, Percentiles.Median([1, 2, 3, 4]));
    }
}
