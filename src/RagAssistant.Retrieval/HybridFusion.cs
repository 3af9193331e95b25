using RagAssistant.Core.Search;
using RagAssistant.Retrieval.Dense;
using RagAssistant.Retrieval.Text;

namespace RagAssistant.Retrieval;

/// <summary>
/// The one fusion of keyword and dense candidates, shared by <see cref="HybridRetriever"/> and the VectorData
/// collection's hybrid search so both rank alike: weighted reciprocal rank fusion of the keyword list (weight 1), each
/// model's dense list (weight <see cref="RetrievalOptions.DenseWeightOf"/> its model and the question's language; the
/// lists of different models hold different chunks, so each ranks its own) and their candidates ordered
/// by how much of the question they contain (<see cref="TermCoverage"/>, weight <see cref="RetrievalOptions.CoverageWeight"/>), then a superseded revision's score ×
/// <see cref="RetrievalOptions.SupersededFactor"/> unless the question asks about changes or older revisions, and a chunk
/// that names only other operations than the question's (a row of operation 60 when operation 40 is asked) or only other
/// materials (a 40Cr clause when 42CrMo is asked) × <see cref="RetrievalOptions.OtherOperationFactor"/>, and for a question
/// about what changed, a chunk stating a change (a revision record) × <see cref="RetrievalOptions.ChangeRecordFactor"/>;
/// best first; then, when an <see cref="IEvidenceReranker"/> is given, the best <see cref="RetrievalOptions.EvidenceRerankDepth"/>
/// re-ordered by their best sentence or row (each keeps its fused score).
/// Candidates are loaded through <paramref name="filter"/> again (the caller's access filter, re-applied to what the
/// store holds now), and those that no longer load are dropped.
/// </summary>
internal static class HybridFusion
{
    public static async Task<List<(RetrievedChunk Chunk, double Score)>> RankAsync(
        IReadOnlyList<ChunkHit> keyword, IReadOnlyList<WeightedHits> dense, bool asksAboutRevisions,
        string question, AnalyzedQuery query, IChunkSearch chunks, SearchFilter filter, RetrievalOptions options, IEvidenceReranker? reranker,
        CancellationToken cancellationToken)
    {
        var lists = new List<(IReadOnlyList<ChunkHit>, double)> { (keyword, 1.0) };
        lists.AddRange(dense.Select(d => (d.Hits, d.Weight)));
        var candidates = ReciprocalRankFusion.Fuse(lists);
        var loaded = (await chunks.GetChunksAsync(candidates.Select(f => f.ChunkId).ToList(), filter, cancellationToken)).ToDictionary(c => c.ChunkId);
        var coverage = TermCoverage.Rank(query, candidates.Where(f => loaded.ContainsKey(f.ChunkId)).Select(f => loaded[f.ChunkId]).ToList());
        lists.Add((coverage, options.CoverageWeight));
        var fused = ReciprocalRankFusion.Fuse(lists);
        var folded = TextFolding.Fold(question);
        var askedOperations = IdentifierExtractor.Operations(folded);
        var askedMaterials = IdentifierExtractor.Materials(folded);
        var asksWhatChanged = RevisionChanges.IsAskedIn(folded);
        var ranked = fused
            .Where(f => loaded.ContainsKey(f.ChunkId))
            .Select(f =>
            {
                var chunk = loaded[f.ChunkId];
                var score = chunk.Superseded && !asksAboutRevisions ? f.Score * options.SupersededFactor : f.Score;
                if (NamesOnlyOthers(chunk, askedOperations, askedMaterials)) score *= options.OtherOperationFactor;
                if (asksWhatChanged && RevisionChanges.IsStatedIn(chunk.Text)) score *= options.ChangeRecordFactor;
                return (chunk, score);
            })
            .OrderByDescending(x => x.score)
            .ToList();
        if (reranker is null || options.EvidenceRerankDepth < 2 || ranked.Count < 2) return ranked;
        var head = ranked.Take(options.EvidenceRerankDepth).ToList();
        var scores = head.ToDictionary(x => x.chunk.ChunkId, x => x.score);
        return (await reranker.RerankAsync(query, head.Select(x => x.chunk).ToList(), cancellationToken))
            .Select(c => (c, scores[c.ChunkId]))
            .Concat(ranked.Skip(head.Count))
            .ToList();
    }

    /// <summary>
    /// True when the question names an operation (or a material) and the chunk names operations (materials) but none of
    /// the asked ones: a process-card row is about one operation and a hardness clause about its materials, so another
    /// operation's row or another material's clause matching the rest of the question ("主轴转速", "调质硬度") is the
    /// wrong passage, not a weaker right one. A chunk naming none at all (a general clause, a manual section) is left alone.
    /// </summary>
    private static bool NamesOnlyOthers(RetrievedChunk chunk, IReadOnlySet<string> operations, IReadOnlySet<string> materials)
    {
        if (operations.Count == 0 && materials.Count == 0) return false;
        var text = TextFolding.Fold(chunk.Text);
        return Conflicts(operations, IdentifierExtractor.Operations(text)) || Conflicts(materials, IdentifierExtractor.Materials(text));
    }

    private static bool Conflicts(IReadOnlySet<string> asked, IReadOnlySet<string> named) =>
        asked.Count > 0 && named.Count > 0 && !named.Overlaps(asked);
}
