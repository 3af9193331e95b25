namespace RagAssistant.Retrieval;

/// <summary>Maximal marginal relevance after fusion. Bound from <c>Rag:Retrieval:Mmr</c>.</summary>
public sealed class MmrOptions
{
    /// <summary>Re-rank the fused candidates by MMR. Default false (the fused order is kept); <c>rag search --mmr</c> turns it on per query.</summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// λ: weight of relevance against novelty (1 = fused order, 0 = diversity only). Default 0.7: relevance still leads,
    /// but a near-duplicate of a chunk already chosen (cosine ≈ 1) loses about 0.3, more than the usual gap between
    /// neighbouring normalised fused scores.
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(0.0, 1.0)]
    public double Lambda { get; set; } = 0.7;

    /// <summary>How many of the best fused candidates MMR chooses from (at least the requested top). Default 30.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 1000)]
    public int PoolSize { get; set; } = 30;
}
