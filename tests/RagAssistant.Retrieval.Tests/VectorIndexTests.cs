using RagAssistant.Retrieval.Dense;

namespace RagAssistant.Retrieval.Tests;

public class VectorIndexTests
{
    private static float[] Random(Random random, int dimension) =>
        Enumerable.Range(0, dimension).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();

    private static float Cosine(float[] a, float[] b)
    {
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Length; i++) { dot += a[i] * b[i]; na += a[i] * a[i]; nb += b[i] * b[i]; }
        return (float)(dot / Math.Sqrt(na * nb));
    }

    [Fact]
    public void ExactSearch_MatchesBruteForce()
    {
        var random = new Random(1);
        var vectors = Enumerable.Range(0, 5000).Select(_ => Random(random, 48)).ToList();
        var index = new VectorIndex(48);
        for (var i = 0; i < vectors.Count; i++) index.Upsert(i, vectors[i], default);
        var query = Random(random, 48);

        var expected = vectors.Select((v, i) => (Id: (long)i, Score: Cosine(v, query))).OrderByDescending(x => x.Score).Take(10).ToList();
        var actual = index.Search(query, 10);
        Assert.Equal(expected.Select(e => e.Id), actual.Select(a => a.ChunkId));
        Assert.Equal(expected[0].Score, (float)actual[0].Score, 4);
    }

    [Fact]
    public void QuantizedSearch_KeepsRecallAndExactScores()
    {
        var random = new Random(2);
        var index = new VectorIndex(64, quantizeAbove: 2000);
        for (var i = 0; i < 6000; i++) index.Upsert(i, Random(random, 64), default);
        Assert.True(index.IsQuantized);

        var hits = 0;
        for (var q = 0; q < 50; q++)
        {
            var query = Random(random, 64);
            var exact = index.Search(query, 10, exact: true).Select(h => h.ChunkId).ToHashSet();
            hits += index.Search(query, 10).Count(h => exact.Contains(h.ChunkId));
        }
        Assert.True(hits / 500.0 >= 0.98, $"recall@10 {hits / 500.0}");
    }

    [Fact]
    public void RemoveAndReplace_KeepTheIndexConsistent()
    {
        var index = new VectorIndex(3);
        index.Upsert(1, [1, 0, 0], default);
        index.Upsert(2, [0, 1, 0], default);
        index.Upsert(3, [0, 0, 1], default);
        Assert.True(index.Remove(1));
        Assert.False(index.Remove(1));
        index.Upsert(3, [1, 0, 0], default); // replaced in place
        Assert.Equal(2, index.Count);
        Assert.Equal(3, index.Search([1, 0, 0], 1)[0].ChunkId);
    }

    [Fact]
    public void Filter_LeavesOutRowsByTag()
    {
        var index = new VectorIndex(2);
        index.Upsert(1, [1, 0], new VectorTag("a", "standard", "Q/JD 105", Superseded: true));
        index.Upsert(2, [0.9f, 0.1f], new VectorTag("a", "standard", "Q/JD 105", Superseded: false));
        Assert.Equal([2L], index.Search([1, 0], 5, tag => !tag.Superseded).Select(h => h.ChunkId));
    }

    [Fact]
    public void WrongDimension_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => new VectorIndex(4).Upsert(1, [1, 2, 3], default));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ManyBlocks_FindTheSameAsOne(bool quantized)
    {
        // 64-row blocks (5,000 rows = 79 blocks) against one block holding every row; quantized past 2,000 rows.
        var random = new Random(3);
        var vectors = Enumerable.Range(0, 5000).Select(_ => Random(random, 32)).ToList();
        var quantizeAbove = quantized ? 2000 : int.MaxValue;
        var blocks = new VectorIndex(32, quantizeAbove, blockRows: 64);
        var single = new VectorIndex(32, quantizeAbove, blockRows: 8192);
        for (var i = 0; i < vectors.Count; i++)
        {
            var tag = new VectorTag(i % 3 == 0 ? "a" : "b", "other", null, false);
            blocks.Upsert(i, vectors[i], tag);
            single.Upsert(i, vectors[i], tag);
        }
        Assert.Equal(quantized, blocks.IsQuantized);
        Assert.Equal(79, blocks.Blocks);
        Assert.Equal(1, single.Blocks);

        for (var q = 0; q < 20; q++)
        {
            var query = Random(random, 32);
            Assert.Equal(single.Search(query, 10).Select(h => h.ChunkId), blocks.Search(query, 10).Select(h => h.ChunkId));
            Assert.Equal(single.Search(query, 10, t => t.Library == "a").Select(h => h.ChunkId),
                blocks.Search(query, 10, t => t.Library == "a").Select(h => h.ChunkId));
            Assert.Equal(single.Search(query, 10, exact: true).Select(h => h.ChunkId), blocks.Search(query, 10, exact: true).Select(h => h.ChunkId));
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void UpsertAndRemove_AcrossBlockBoundaries_MatchBruteForce(bool quantized)
    {
        // Random adds, replacements and removals over 16-row blocks: every removal moves the last row (often from the
        // next block) into the freed slot. Each search is compared with a scan of what should be stored.
        var random = new Random(4);
        var index = new VectorIndex(8, quantized ? 100 : int.MaxValue, oversample: 64, blockRows: 16);
        var stored = new Dictionary<long, float[]>();
        for (var step = 0; step < 3000; step++)
        {
            var id = (long)random.Next(400);
            if (random.NextDouble() < 0.35)
                Assert.Equal(stored.Remove(id), index.Remove(id));
            else
            {
                var vector = Random(random, 8);
                index.Upsert(id, vector, new VectorTag("lib", "other", id.ToString(System.Globalization.CultureInfo.InvariantCulture), false));
                stored[id] = vector;
            }
            Assert.Equal(stored.Count, index.Count);
            if (step % 50 != 0) continue;
            var query = Random(random, 8);
            var expected = stored.Select(kv => (kv.Key, Score: Cosine(kv.Value, query))).OrderByDescending(x => x.Score).Take(5).Select(x => x.Key);
            Assert.Equal(expected, index.Search(query, 5).Select(h => h.ChunkId));
        }
        Assert.Equal(quantized, index.IsQuantized);
        foreach (var (id, vector) in stored)
        {
            Assert.Equal(1f, Cosine(index.GetVector(id)!, vector), 4);
            Assert.Equal(id.ToString(System.Globalization.CultureInfo.InvariantCulture), index.GetTag(id)!.Value.IdentityKey);
        }
    }

    [Fact]
    public void RemovingRows_ReleasesEmptiedBlocks_KeepingOneSpare()
    {
        var random = new Random(5);
        var index = new VectorIndex(4, blockRows: 16);
        for (var i = 0; i < 100; i++) index.Upsert(i, Random(random, 4), default);
        Assert.Equal(7, index.Blocks);

        Assert.Equal(70, index.RemoveWhere(id => id >= 30));

        Assert.Equal(30, index.Count);
        Assert.Equal(3, index.Blocks); // two blocks of rows and one spare
        Assert.Equal(Enumerable.Range(0, 30).Select(i => (long)i).ToHashSet(), Enumerable.Range(0, 100).Where(i => index.GetVector(i) is not null).Select(i => (long)i).ToHashSet());
    }

    [Fact]
    public void Apply_AddsRetagsAndRemoves_InOneStep()
    {
        var index = new VectorIndex(2);
        index.Upsert(1, [1, 0], new VectorTag("a", "other", null, false));
        index.Upsert(2, [0, 1], new VectorTag("a", "other", null, false));

        index.Apply([(3, [1, 1], new VectorTag("a", "other", null, false))], [(1, new VectorTag("a", "other", null, Superseded: true)), (9, default)], [2, 42]);

        Assert.Equal(2, index.Count);
        Assert.True(index.GetTag(1)!.Value.Superseded);
        Assert.Null(index.GetVector(2));
        Assert.Equal([3L], index.Search([1, 0], 5, tag => !tag.Superseded).Select(h => h.ChunkId));
    }
}
