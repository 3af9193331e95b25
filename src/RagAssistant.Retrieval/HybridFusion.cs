using RagAssistant.Core.Search;

namespace RagAssistant.Retrieval;

/// <summary>
/// The one fusion of keyword and dense candidates, shared by <see cref="HybridRetriever"/> and the VectorData
/// collection's hybrid search so both rank alike: weighted reciprocal rank fusion (keyword weight 1, dense weight
/// <see cref="RetrievalOptions.DenseWeightFor"/> the question's language), then a superseded revision's score ×
/// <see cref="RetrievalOptions.SupersededFactor"/> unless the question asks about changes or older revisions, best first.
/// Candidates whose chunk no longer loads are dropped.
/// </summary>
internal static class HybridFusion
{
    public static async Task<List<(RetrievedChunk Chunk, double Score)>> RankAsync(
        IReadOnlyList<ChunkHit> keyword, IReadOnlyList<ChunkHit> dense, double denseWeight, bool asksAboutRevisions,
        IChunkSearch chunks, RetrievalOptions options, CancellationToken cancellationToken)
    {
        var fused = ReciprocalRankFusion.Fuse([(keyword, 1.0), (dense, denseWeight)]);
        var loaded = (await chunks.GetChunksAsync(fused.Select(f => f.ChunkId).ToList(), cancellationToken)).ToDictionary(c => c.ChunkId);
        return fused
            .Where(f => loaded.ContainsKey(f.ChunkId))
            .Select(f =>
            {
                var chunk = loaded[f.ChunkId];
                var score = chunk.Superseded && !asksAboutRevisions ? f.Score * options.SupersededFactor : f.Score;
                return (chunk, score);
            })
            .OrderByDescending(x => x.score)
            .ToList();
    }
}
