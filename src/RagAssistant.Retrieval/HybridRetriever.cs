using Microsoft.Extensions.Options;
using RagAssistant.Core.Relevance;
using RagAssistant.Core.Search;

namespace RagAssistant.Retrieval;

/// <summary>
/// Hybrid retrieval: keyword (FTS5 BM25 over segmented text with identifier terms, glossary-expanded) and dense
/// (cosine over embeddings, one list per embedding model: <see cref="Dense.DenseModels"/>) candidates fused by weighted
/// reciprocal rank fusion. Each dense list's weight follows its model and the question's language
/// (<see cref="Ranking.DenseListRule"/>), then the ranking rules of <see cref="Ranking.ChunkRules"/> (superseded
/// revisions, other operations, change records). The best fused candidates are then re-ordered by their best sentence or row where the
/// answering layer registers an <see cref="IEvidenceReranker"/> (<see cref="RetrievalOptions.EvidenceRerankDepth"/>). Optionally (<see cref="MmrOptions"/>) the fused list is re-ranked by maximal marginal
/// relevance so near-duplicates do not crowd the top.
/// </summary>
public sealed class HybridRetriever(
    QueryAnalyzer analyzer,
    IChunkSearch chunks,
    IEnumerable<Dense.DenseModels> denseModels,
    IEnumerable<IEvidenceReranker> rerankers,
    IOptions<RetrievalOptions> options,
    IOptions<RelevanceOptions> relevance) : IHybridSearch
{
    private readonly Dense.DenseModels? _dense = denseModels.FirstOrDefault();
    private readonly IEvidenceReranker? _reranker = rerankers.FirstOrDefault();
    private readonly RetrievalOptions _options = options.Value;
    private readonly RelevanceOptions _relevance = relevance.Value;

    public async Task<(AnalyzedQuery Query, IReadOnlyList<SearchResult> Results)> SearchAsync(
        string question, SearchOptions search, CancellationToken cancellationToken = default)
    {
        var query = analyzer.Analyze(question);
        var filter = search.Filter ?? SearchFilter.None;
        if (string.IsNullOrWhiteSpace(question)) return (query, []);
        // The depth is the tuned CandidatesPerRetriever; five times the asked top is only a floor for callers asking for many.
        var candidates = Math.Max(search.Top * 5, _options.CandidatesPerRetriever);

        IReadOnlyList<ChunkHit> keyword = [];
        if (search.Mode != RetrieverMode.Dense && !query.IsEmpty)
        {
            keyword = await chunks.KeywordSearchAsync(query.KeywordMatch, filter, candidates, cancellationToken);
        }
        IReadOnlyList<Dense.WeightedHits> dense = [];
        if (search.Mode != RetrieverMode.Keyword && _dense is not null)
            dense = await _dense.SearchAsync(query, filter, candidates, search.Mode == RetrieverMode.Dense, cancellationToken);

        var reranker = search.Evidence ?? true ? _reranker : null;
        var ranked = await HybridFusion.RankAsync(keyword, dense, query, chunks, filter, _options, _relevance, reranker, cancellationToken);
        var keywordRanks = Ranks(keyword);
        // A chunk sits in one model's index, so its dense rank is its rank in that model's list.
        var denseRanks = dense.SelectMany(d => Ranks(d.Hits)).GroupBy(x => x.Key).ToDictionary(g => g.Key, g => g.Min(x => x.Value));
        var keywordScores = Scores(keyword);
        var denseScores = dense.SelectMany(d => Scores(d.Hits)).GroupBy(x => x.Key).ToDictionary(g => g.Key, g => g.Max(x => x.Value));
        if (search.Mmr ?? _options.Mmr.Enabled)
            ranked = await DiversifyAsync(ranked, search.Top, cancellationToken);
        var results = ranked
            .Take(search.Top)
            .Select((x, i) => new SearchResult(i + 1, x.Chunk, x.Score,
                denseRanks.TryGetValue(x.Chunk.ChunkId, out var d) ? d : null,
                keywordRanks.TryGetValue(x.Chunk.ChunkId, out var k) ? k : null)
            {
                Trace = x.Trace,
                DenseScore = denseScores.TryGetValue(x.Chunk.ChunkId, out var ds) ? ds : null,
                KeywordScore = keywordScores.TryGetValue(x.Chunk.ChunkId, out var ks) ? ks : null,
            })
            .ToList();
        return (query, results);
    }

    /// <summary>
    /// MMR (<see cref="MaximalMarginalRelevance.Order"/>) over the best <see cref="MmrOptions.PoolSize"/> fused candidates
    /// (at least <paramref name="top"/>), with the chunk vectors of the in-memory dense index; the results keep their fused
    /// scores, so after MMR a score can exceed the one above it. Without dense search there are no vectors, and MMR
    /// keeps the fused order.
    /// </summary>
    private async Task<List<RankedChunk>> DiversifyAsync(
        List<RankedChunk> ranked, int top, CancellationToken cancellationToken)
    {
        if (_dense is null || ranked.Count < 2) return ranked;
        var pool = ranked.Take(Math.Max(top, _options.Mmr.PoolSize)).ToList();
        var vectors = await _dense.GetVectorsAsync(pool.Select(x => x.Chunk.ChunkId).ToList(), cancellationToken);
        var order = MaximalMarginalRelevance.Order(
            pool.Select(x => x.Score).ToList(),
            pool.Select(x => vectors.TryGetValue(x.Chunk.ChunkId, out var v) ? v : null).ToList(),
            _options.Mmr.Lambda, pool.Count);
        return order.Select(i => pool[i]).Concat(ranked.Skip(pool.Count)).ToList();
    }

    private static Dictionary<long, double> Scores(IReadOnlyList<ChunkHit> hits) =>
        hits.GroupBy(h => h.ChunkId).ToDictionary(g => g.Key, g => g.Max(h => h.Score));

    private static Dictionary<long, int> Ranks(IReadOnlyList<ChunkHit> hits) =>
        hits.Select((h, i) => (h.ChunkId, Rank: i + 1)).ToDictionary(x => x.ChunkId, x => x.Rank);
}
