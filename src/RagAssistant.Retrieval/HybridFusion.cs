using RagAssistant.Core.Search;
using RagAssistant.Retrieval.Text;

namespace RagAssistant.Retrieval;

/// <summary>
/// The one fusion of keyword and dense candidates, shared by <see cref="HybridRetriever"/> and the VectorData
/// collection's hybrid search so both rank alike: weighted reciprocal rank fusion (keyword weight 1, dense weight
/// <see cref="RetrievalOptions.DenseWeightFor"/> the question's language), then a superseded revision's score ×
/// <see cref="RetrievalOptions.SupersededFactor"/> unless the question asks about changes or older revisions, and a chunk
/// that names only other operations than the question's (a row of operation 60 when operation 40 is asked) ×
/// <see cref="RetrievalOptions.OtherOperationFactor"/>; best first. Candidates whose chunk no longer loads are dropped.
/// </summary>
internal static class HybridFusion
{
    public static async Task<List<(RetrievedChunk Chunk, double Score)>> RankAsync(
        IReadOnlyList<ChunkHit> keyword, IReadOnlyList<ChunkHit> dense, double denseWeight, bool asksAboutRevisions,
        IReadOnlyList<string> questionIdentifiers, IChunkSearch chunks, RetrievalOptions options, CancellationToken cancellationToken)
    {
        var fused = ReciprocalRankFusion.Fuse([(keyword, 1.0), (dense, denseWeight)]);
        var loaded = (await chunks.GetChunksAsync(fused.Select(f => f.ChunkId).ToList(), cancellationToken)).ToDictionary(c => c.ChunkId);
        var askedOperations = Operations(questionIdentifiers);
        return fused
            .Where(f => loaded.ContainsKey(f.ChunkId))
            .Select(f =>
            {
                var chunk = loaded[f.ChunkId];
                var score = chunk.Superseded && !asksAboutRevisions ? f.Score * options.SupersededFactor : f.Score;
                if (askedOperations.Count > 0 && NamesOnlyOtherOperations(chunk, askedOperations)) score *= options.OtherOperationFactor;
                return (chunk, score);
            })
            .OrderByDescending(x => x.score)
            .ToList();
    }

    /// <summary>
    /// True when the chunk names operations and none of them is asked: a process-card row is about one operation, so
    /// another operation's row matching the rest of the question ("主轴转速") is the wrong row, not a weaker right one.
    /// A chunk naming no operation at all (a clause, a manual section) is left as it is.
    /// </summary>
    private static bool NamesOnlyOtherOperations(RetrievedChunk chunk, IReadOnlySet<string> asked)
    {
        var own = Operations(IdentifierExtractor.Terms(TextFolding.Fold(chunk.Text)));
        return own.Count > 0 && !own.Overlaps(asked);
    }

    private static HashSet<string> Operations(IEnumerable<string> identifiers) =>
        identifiers.Where(t => t.Length > 2 && t.StartsWith("op", StringComparison.Ordinal) && t[2..].All(char.IsAsciiDigit)).ToHashSet();
}
