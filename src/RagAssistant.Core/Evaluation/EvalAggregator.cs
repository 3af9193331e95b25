namespace RagAssistant.Core.Evaluation;

/// <summary>Turns per-question outcomes into EVAL.md's report (overall, by language, by kind, by split and their gap, failures).</summary>
public static class EvalAggregator
{
    public const string Dev = "dev";
    public const string Test = "test";

    public static EvalReport Report(IReadOnlyList<EvalOutcome> outcomes)
    {
        var overall = Summarize(outcomes);
        var bySplit = Group(outcomes, o => o.Question.Split);
        return new EvalReport
        {
            Questions = overall.Questions,
            Answerable = overall.Answerable,
            Hit1 = overall.Hit1,
            Hit5 = overall.Hit5,
            Hit10 = overall.Hit10,
            Recall5 = overall.Recall5,
            Recall10 = overall.Recall10,
            Mrr10 = overall.Mrr10,
            Ndcg10 = overall.Ndcg10,
            MeanChunkTokens = overall.MeanChunkTokens,
            AnswerContains = overall.AnswerContains,
            CitationPrecision = overall.CitationPrecision,
            Abstention = overall.Abstention,
            FalseAbstention = overall.FalseAbstention,
            AnswerCharsMedian = overall.AnswerCharsMedian,
            LatencyMs = overall.LatencyMs,
            ByLang = Group(outcomes, o => o.Question.Lang),
            ByKind = Group(outcomes, o => o.Question.Kind),
            BySplit = bySplit,
            SplitGap = bySplit.TryGetValue(Dev, out var dev) && bySplit.TryGetValue(Test, out var test) ? Gap(dev, test) : null,
            Failures = outcomes
                .Where(o => o.Question.Answerable && o.Retrieval is { Hit5: false })
                .Select(o => new EvalFailure(o.Question.Id, o.Question.Question, o.Top.Take(3).ToList()))
                .ToList(),
        };
    }

    public static EvalSummary Summarize(IReadOnlyList<EvalOutcome> outcomes)
    {
        var answerable = outcomes.Where(o => o.Question.Answerable && o.Retrieval is not null).ToList();
        var answered = outcomes.Where(o => o.Answer is not null).ToList();
        var withContains = answered.Where(o => o.Question.AnswerContains.Count > 0).ToList();
        var citations = answered.Where(o => o.Question.Answerable && o.Answer!.Mode != "abstain").SelectMany(o => o.Answer!.CitationMatchesGold).ToList();
        var noAnswer = answered.Where(o => !o.Question.Answerable).ToList();
        var answerableAnswered = answered.Where(o => o.Question.Answerable).ToList();

        return new EvalSummary
        {
            Questions = outcomes.Count,
            Answerable = outcomes.Count(o => o.Question.Answerable),
            Hit1 = Mean(answerable, o => o.Retrieval!.Hit1 ? 1 : 0),
            Hit5 = Mean(answerable, o => o.Retrieval!.Hit5 ? 1 : 0),
            Hit10 = Mean(answerable, o => o.Retrieval!.Hit10 ? 1 : 0),
            Recall5 = Mean(answerable, o => o.Retrieval!.Recall5),
            Recall10 = Mean(answerable, o => o.Retrieval!.Recall10),
            Mrr10 = Mean(answerable, o => o.Retrieval!.Mrr10),
            Ndcg10 = Mean(answerable, o => o.Retrieval!.Ndcg10),
            MeanChunkTokens = Mean(outcomes.Where(o => o.Top.Count > 0).ToList(), o => o.MeanTopTokens),
            AnswerContains = Mean(withContains, o => GoldMatcher.AnswerContainsAll(o.Answer!.Text, o.Question.AnswerContains) ? 1 : 0),
            CitationPrecision = citations.Count == 0 ? null : Round(citations.Count(c => c) / (double)citations.Count),
            Abstention = Mean(noAnswer, o => o.Answer!.Mode == "abstain" ? 1 : 0),
            FalseAbstention = Mean(answerableAnswered, o => o.Answer!.Mode == "abstain" ? 1 : 0),
            AnswerCharsMedian = Percentiles.Median(answered.Select(o => (double)o.Answer!.Text.Length).ToList()),
            LatencyMs = new LatencySummary(
                Pair(outcomes.Select(o => o.RetrieveMs).ToList()),
                Pair(answered.Select(o => o.Answer!.AnswerMs).ToList())),
        };
    }

    /// <summary>dev − test per quality metric, under the metric's JSON key; null where either side is null.</summary>
    public static IReadOnlyDictionary<string, double?> Gap(EvalSummary dev, EvalSummary test)
    {
        double? Minus(double? a, double? b) => a is { } x && b is { } y ? Round(x - y) : null;
        return new Dictionary<string, double?>
        {
            ["hit@1"] = Minus(dev.Hit1, test.Hit1),
            ["hit@5"] = Minus(dev.Hit5, test.Hit5),
            ["hit@10"] = Minus(dev.Hit10, test.Hit10),
            ["recall@5"] = Minus(dev.Recall5, test.Recall5),
            ["recall@10"] = Minus(dev.Recall10, test.Recall10),
            ["mrr@10"] = Minus(dev.Mrr10, test.Mrr10),
            ["ndcg@10"] = Minus(dev.Ndcg10, test.Ndcg10),
            ["answer_contains"] = Minus(dev.AnswerContains, test.AnswerContains),
            ["citation_precision"] = Minus(dev.CitationPrecision, test.CitationPrecision),
            ["abstention"] = Minus(dev.Abstention, test.Abstention),
            ["false_abstention"] = Minus(dev.FalseAbstention, test.FalseAbstention),
            ["answerChars_median"] = Minus(dev.AnswerCharsMedian, test.AnswerCharsMedian),
        };
    }

    private static Dictionary<string, EvalSummary> Group(IReadOnlyList<EvalOutcome> outcomes, Func<EvalOutcome, string?> key) =>
        outcomes.Where(o => key(o) is not null).GroupBy(o => key(o)!).OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Summarize(g.ToList()));

    private static double? Mean(IReadOnlyCollection<EvalOutcome> items, Func<EvalOutcome, double> value) =>
        items.Count == 0 ? null : Round(items.Average(value));

    private static PercentilePair Pair(IReadOnlyCollection<double> values) =>
        new(Percentiles.Of(values, 50) is { } p50 ? Math.Round(p50, 1) : null, Percentiles.Of(values, 95) is { } p95 ? Math.Round(p95, 1) : null);

    private static double Round(double value) => Math.Round(value, 4);
}
