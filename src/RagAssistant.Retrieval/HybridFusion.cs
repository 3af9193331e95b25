using RagAssistant.Core.Relevance;
using RagAssistant.Core.Search;
using RagAssistant.Retrieval.Dense;
using RagAssistant.Retrieval.Ranking;

namespace RagAssistant.Retrieval;

/// <summary>A fused candidate: the chunk, its score, and how the lists and rules built that score.</summary>
public sealed record RankedChunk(RetrievedChunk Chunk, double Score, ScoreTrace Trace);

/// <summary>
/// The one fusion of keyword and dense candidates, shared by <see cref="HybridRetriever"/> and the VectorData
/// collection's hybrid search so both rank alike: weighted reciprocal rank fusion of the keyword list (KeywordList,
/// weight 1), each model's dense list (DenseList, weight <see cref="DenseListRule.WeightOf"/> its model and the question's
/// language; the lists of different models hold different chunks, so each ranks its own) and their candidates ordered
/// by how much of the question they contain (<see cref="TermCoverage"/>, CoverageList, weight <see cref="RelevanceOptions.CoverageList"/>);
/// then the ranking adjustments of <see cref="ChunkRules"/> (superseded revisions, other operations, change records);
/// best first; then, when an <see cref="IEvidenceReranker"/> is given, the best <see cref="RetrievalOptions.EvidenceRerankDepth"/>
/// re-ordered by their best sentence or row (each keeps its fused score; the trace notes the move).
/// Candidates are loaded through <paramref name="filter"/> again (the caller's access filter, re-applied to what the
/// store holds now), and those that no longer load are dropped.
/// </summary>
internal static class HybridFusion
{
    public const string KeywordList = "KeywordList";
    public const string CoverageList = "CoverageList";

    public static async Task<List<RankedChunk>> RankAsync(
        IReadOnlyList<ChunkHit> keyword, IReadOnlyList<WeightedHits> dense, AnalyzedQuery query, IChunkSearch chunks, SearchFilter filter,
        RetrievalOptions options, RelevanceOptions relevance, IEvidenceReranker? reranker, CancellationToken cancellationToken)
    {
        var lists = new List<(string Name, IReadOnlyList<ChunkHit> Hits, double Weight)> { (KeywordList, keyword, 1.0) };
        lists.AddRange(dense.Select(d => ($"{DenseListRule.Name}:{Core.Embeddings.EmbeddingModelInfo.NameOf(d.ModelId)}", d.Hits, d.Weight)));
        var candidates = ReciprocalRankFusion.Fuse(lists.Select(l => (l.Hits, l.Weight)).ToList());
        var loaded = (await chunks.GetChunksAsync(candidates.Select(f => f.ChunkId).ToList(), filter, cancellationToken)).ToDictionary(c => c.ChunkId);
        var coverage = TermCoverage.Rank(query, candidates.Where(f => loaded.ContainsKey(f.ChunkId)).Select(f => loaded[f.ChunkId]).ToList(), relevance);
        lists.Add((CoverageList, coverage, relevance.CoverageList));
        var fused = ReciprocalRankFusion.Fuse(lists.Select(l => (l.Hits, l.Weight)).ToList());
        var ranks = lists.Select(l => l.Hits.Select((h, i) => (h.ChunkId, Rank: i + 1)).ToDictionary(x => x.ChunkId, x => x.Rank)).ToList();
        var rules = ChunkRules.From(relevance);
        var ranked = fused
            .Where(f => loaded.ContainsKey(f.ChunkId))
            .Select(f =>
            {
                var chunk = loaded[f.ChunkId];
                var trace = new ScoreTrace(0);
                for (var l = 0; l < lists.Count; l++)
                    if (ranks[l].TryGetValue(f.ChunkId, out var rank) && lists[l].Weight > 0)
                        trace.Apply(lists[l].Name, trace.Score + lists[l].Weight / (ReciprocalRankFusion.DefaultK + rank), $"rank {rank}, weight {lists[l].Weight:0.###}");
                // The fused score itself (summed in the lists' order, as the trace did) is what the rules start from.
                trace.Apply("Fused", f.Score, "reciprocal rank fusion");
                foreach (var rule in rules) rule.Apply(query, chunk, trace);
                return new RankedChunk(chunk, trace.Score, trace);
            })
            .OrderByDescending(x => x.Score)
            .ToList();
        if (reranker is null || options.EvidenceRerankDepth < 2 || ranked.Count < 2) return ranked;
        var head = ranked.Take(options.EvidenceRerankDepth).ToList();
        var byId = head.ToDictionary(x => x.Chunk.ChunkId);
        var reordered = (await reranker.RerankAsync(query, head.Select(x => x.Chunk).ToList(), cancellationToken))
            .Select((c, i) =>
            {
                var entry = byId[c.ChunkId];
                var before = head.IndexOf(entry) + 1;
                if (before != i + 1) entry.Trace.Note("EvidenceReorder", $"rank {before} → {i + 1} by its best sentence or row");
                return entry;
            });
        return reordered.Concat(ranked.Skip(head.Count)).ToList();
    }
}
