using RagAssistant.Core.Search;

namespace RagAssistant.Core.Tests;

public class ReciprocalRankFusionTests
{
    [Fact]
    public void ChunkInBothLists_BeatsChunksInOne()
    {
        IReadOnlyList<ChunkHit> a = [new(1, 9), new(2, 8)];
        IReadOnlyList<ChunkHit> b = [new(3, 0.9), new(2, 0.8)];
        var fused = ReciprocalRankFusion.Fuse([(a, 1.0), (b, 1.0)]);
        Assert.Equal(2, fused[0].ChunkId);
        Assert.Equal(1.0 / 62 + 1.0 / 62, fused[0].Score, 10);
    }

    [Fact]
    public void Weights_ScaleAListsContribution()
    {
        IReadOnlyList<ChunkHit> keyword = [new(1, 1)];
        IReadOnlyList<ChunkHit> dense = [new(2, 1)];
        var fused = ReciprocalRankFusion.Fuse([(keyword, 1.0), (dense, 0.2)]);
        Assert.Equal([1L, 2L], fused.Select(f => f.ChunkId));
    }

    [Fact]
    public void EmptyLists_GiveNothing()
    {
        Assert.Empty(ReciprocalRankFusion.Fuse([([], 1.0)]));
    }
}
