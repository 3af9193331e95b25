using System.Numerics.Tensors;

namespace RagAssistant.Retrieval;

/// <summary>Maximal marginal relevance (Carbonell &amp; Goldstein, 1998) over fused retrieval candidates.</summary>
public static class MaximalMarginalRelevance
{
    /// <summary>
    /// Orders <paramref name="candidates"/> (best fused score first) greedily: each step takes
    /// argmax over the remaining d of λ · rel(d) − (1 − λ) · max over chosen s of cos(d, s), where
    /// rel(d) = score(d) / max score (the fused score normalised to (0, 1]) and cos is the cosine of the two chunks'
    /// vectors (unit length, from the dense index). The first pick is therefore the best fused candidate. A candidate
    /// without a vector counts as dissimilar to everything (cos = 0), a negative cosine counts as 0, and ties keep the
    /// fused order. Returns the first
    /// <paramref name="take"/> indices into <paramref name="candidates"/> in MMR order.
    /// </summary>
    public static IReadOnlyList<int> Order(
        IReadOnlyList<double> scores, IReadOnlyList<float[]?> vectors, double lambda, int take)
    {
        var n = scores.Count;
        take = Math.Min(take, n);
        var chosen = new List<int>(take);
        if (n == 0 || take <= 0) return chosen;
        var max = scores.Max();
        // maxSimilarity[d]: the largest cosine of d to any chosen candidate so far (updated after each pick).
        var maxSimilarity = new double[n];
        var taken = new bool[n];
        while (chosen.Count < take)
        {
            var best = -1;
            var bestValue = double.NegativeInfinity;
            for (var d = 0; d < n; d++)
            {
                if (taken[d]) continue;
                var relevance = max > 0 ? scores[d] / max : 0;
                var value = lambda * relevance - (chosen.Count == 0 ? 0 : (1 - lambda) * maxSimilarity[d]);
                if (value > bestValue)
                {
                    best = d;
                    bestValue = value;
                }
            }
            taken[best] = true;
            chosen.Add(best);
            if (vectors[best] is not { } picked) continue;
            for (var d = 0; d < n; d++)
            {
                if (taken[d] || vectors[d] is not { } other || other.Length != picked.Length) continue;
                maxSimilarity[d] = Math.Max(maxSimilarity[d], TensorPrimitives.Dot(picked, other));
            }
        }
        return chosen;
    }
}
