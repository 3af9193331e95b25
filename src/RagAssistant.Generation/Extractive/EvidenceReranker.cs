using RagAssistant.Core.Search;

namespace RagAssistant.Generation.Extractive;

/// <summary>
/// Orders chunks by their best sentence or table row as the extractive answerer scores it — the question's terms found
/// together in one unit, its identifiers, the asked-for kind of value, the row of the operation or number asked — fused
/// by reciprocal rank, at equal weight, with retrieval's own order: the unit reading finds the one row that answers
/// inside a card or table, retrieval's whole-chunk reading keeps the passage whose facts are spread over its sentences.
/// </summary>
public sealed class EvidenceReranker(IQueryAnalyzer analyzer, ExtractiveAnswerer answerer) : IEvidenceReranker
{
    public IReadOnlyList<RetrievedChunk> Rerank(AnalyzedQuery query, IReadOnlyList<RetrievedChunk> ranked)
    {
        if (ranked.Count < 2 || query.IsEmpty) return ranked;
        var best = new Dictionary<long, double>();
        foreach (var unit in answerer.Score(QuestionTerms.From(query, null, analyzer), ranked))
            best[ranked[unit.Source].ChunkId] = Math.Max(best.GetValueOrDefault(ranked[unit.Source].ChunkId), unit.Score);
        IReadOnlyList<ChunkHit> retrieval = ranked.Select(c => new ChunkHit(c.ChunkId, 0)).ToList();
        // OrderBy is stable: chunks whose units score alike stay in retrieval's order.
        IReadOnlyList<ChunkHit> evidence = retrieval.OrderByDescending(h => best.GetValueOrDefault(h.ChunkId)).ToList();
        var byId = ranked.ToDictionary(c => c.ChunkId);
        // Ties keep the first list's order: retrieval's.
        return ReciprocalRankFusion.Fuse([(retrieval, 1.0), (evidence, 1.0)]).Select(f => byId[f.ChunkId]).ToList();
    }
}
