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
    /// <summary>The usual reciprocal-rank-fusion constant: ranks 1 and 2 differ little, the top and the tail a lot.</summary>
    private const double RankConstant = 60;

    public IReadOnlyList<RetrievedChunk> Rerank(AnalyzedQuery query, IReadOnlyList<RetrievedChunk> ranked)
    {
        if (ranked.Count < 2 || query.IsEmpty) return ranked;
        var best = new double[ranked.Count];
        foreach (var unit in answerer.Score(QuestionTerms.From(query, null, analyzer), ranked))
            best[unit.Source] = Math.Max(best[unit.Source], unit.Score);
        var evidenceRank = new int[ranked.Count];
        var byEvidence = Enumerable.Range(0, ranked.Count).OrderByDescending(i => best[i]).ThenBy(i => i).ToList();
        for (var rank = 0; rank < byEvidence.Count; rank++) evidenceRank[byEvidence[rank]] = rank;
        return Enumerable.Range(0, ranked.Count)
            .OrderByDescending(i => 1 / (RankConstant + i + 1) + 1 / (RankConstant + evidenceRank[i] + 1))
            .ThenBy(i => i)
            .Select(i => ranked[i])
            .ToList();
    }
}
