namespace RagAssistant.Core.Evaluation;

/// <summary>Per-question retrieval metrics over a ranked list (EVAL.md).</summary>
public sealed record RetrievalMetrics(bool Hit1, bool Hit5, bool Hit10, double Recall5, double Recall10, double Mrr10, double Ndcg10)
{
    /// <summary>
    /// <paramref name="matches"/>[i] lists the gold item indexes that the chunk at rank i+1 matches.
    /// hit@k: a match in the top k; recall@k: distinct gold items matched in the top k ÷ gold items; mrr@10: 1 / rank of
    /// the first matching chunk in the top 10; ndcg@10: binary relevance where a chunk counts once, for the first gold item
    /// it matches that no earlier chunk matched, normalised by the ideal DCG of min(gold, 10) relevant chunks.
    /// </summary>
    public static RetrievalMetrics Compute(IReadOnlyList<IReadOnlyList<int>> matches, int goldCount)
    {
        bool Hit(int k) => matches.Take(k).Any(m => m.Count > 0);
        double Recall(int k) => goldCount == 0 ? 0 : (double)matches.Take(k).SelectMany(m => m).Distinct().Count() / goldCount;

        var first = matches.Take(10).Select((m, i) => (m, i)).FirstOrDefault(x => x.m.Count > 0);
        var mrr = first.m is { Count: > 0 } ? 1.0 / (first.i + 1) : 0;

        var seen = new HashSet<int>();
        var dcg = 0.0;
        for (var i = 0; i < Math.Min(10, matches.Count); i++)
        {
            var fresh = matches[i].FirstOrDefault(g => !seen.Contains(g), -1);
            if (fresh < 0) continue;
            seen.Add(fresh);
            dcg += 1 / Math.Log2(i + 2);
        }
        var ideal = Enumerable.Range(0, Math.Min(goldCount, 10)).Sum(i => 1 / Math.Log2(i + 2));
        return new RetrievalMetrics(Hit(1), Hit(5), Hit(10), Recall(5), Recall(10), mrr, ideal > 0 ? dcg / ideal : 0);
    }
}
