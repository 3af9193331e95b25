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
}
