using Microsoft.Extensions.Options;
using RagAssistant.Core.Relevance;
using RagAssistant.Core.Search;

namespace RagAssistant.Generation.Extractive;

/// <summary>
/// Orders chunks by their best sentence or table row as the extractive answerer scores it — the question's terms found
/// together in one unit, its identifiers, the asked-for kind of value, the row of the operation or number asked, and the unit's embedding similarity to it where the question's model reads every candidate (<see cref="UnitSimilarity"/>) — fused by reciprocal rank,
/// at equal weight, with retrieval's own order: the unit reading finds the one row or sentence that answers inside a
/// card, a table or a long section, retrieval's whole-chunk reading keeps the passage whose facts are spread over its sentences.
/// </summary>
public sealed class EvidenceReranker(IQueryAnalyzer analyzer, ExtractiveAnswerer answerer, UnitSimilarity similarity, IOptions<RelevanceOptions> options,
    IOptions<AnswerOptions> answers) : IEvidenceReranker
{
    public async Task<IReadOnlyList<RetrievedChunk>> RerankAsync(AnalyzedQuery query, IReadOnlyList<RetrievedChunk> ranked, CancellationToken cancellationToken = default)
    {
        if (ranked.Count < 2 || query.IsEmpty) return ranked;
        var terms = QuestionTerms.From(query, null, analyzer, options.Value);
        // The embedding reads a paraphrase sentence by sentence ("How do I fix the screen color?" for "If the color on your
        // TV screen is poor…"), among candidates it can all read (decision 0008).
        var similarities = await similarity.ScoreIfAllReadableAsync(terms, ranked, answers.Value.MaxSentenceChars, cancellationToken);
        var best = new Dictionary<long, double>();
        foreach (var unit in answerer.Score(terms, ranked, similarities, options.Value.EvidenceSimilarity))
            best[ranked[unit.Source].ChunkId] = Math.Max(best.GetValueOrDefault(ranked[unit.Source].ChunkId), unit.Score);
        IReadOnlyList<ChunkHit> retrieval = ranked.Select(c => new ChunkHit(c.ChunkId, 0)).ToList();
        // OrderBy is stable: chunks whose units score alike stay in retrieval's order.
        IReadOnlyList<ChunkHit> evidence = retrieval.OrderByDescending(h => best.GetValueOrDefault(h.ChunkId)).ToList();
        var byId = ranked.ToDictionary(c => c.ChunkId);
        // Ties keep the first list's order: retrieval's.
        return ReciprocalRankFusion.Fuse([(retrieval, 1.0), (evidence, 1.0)]).Select(f => byId[f.ChunkId]).ToList();
    }
}
