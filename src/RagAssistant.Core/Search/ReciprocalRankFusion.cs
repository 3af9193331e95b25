namespace RagAssistant.Core.Search;

/// <summary>Reciprocal rank fusion of several ranked lists.</summary>
public static class ReciprocalRankFusion
{
    /// <summary>The usual RRF constant: ranks beyond a few dozen add little.</summary>
    public const int DefaultK = 60;

    /// <summary>
    /// score(d) = Σ over lists i of weightᵢ / (k + rankᵢ(d)), with 1-based ranks; a list that does not contain d adds 0.
    /// Ties keep the order of first appearance. Returns chunk ids with their fused scores, best first.
    /// </summary>
    public static IReadOnlyList<(long ChunkId, double Score)> Fuse(IReadOnlyList<(IReadOnlyList<ChunkHit> Hits, double Weight)> lists, int k = DefaultK)
    {
        var scores = new Dictionary<long, double>();
        var order = new List<long>();
        foreach (var (hits, weight) in lists)
        {
            for (var i = 0; i < hits.Count; i++)
            {
                var id = hits[i].ChunkId;
                if (!scores.TryGetValue(id, out var s)) order.Add(id);
                scores[id] = s + weight / (k + i + 1);
            }
        }
        return order.Select((id, i) => (id, i)).OrderByDescending(x => scores[x.id]).ThenBy(x => x.i)
            .Select(x => (x.id, scores[x.id])).ToList();
    }
}
