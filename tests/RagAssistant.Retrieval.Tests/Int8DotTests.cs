using RagAssistant.Retrieval.Dense;

namespace RagAssistant.Retrieval.Tests;

public class Int8DotTests
{
    [Theory]
    [InlineData(64)]
    [InlineData(384)]
    [InlineData(37)]
    [InlineData(70)]
    [InlineData(16)]
    public void SimdDot_EqualsScalarDot(int dimension)
    {
        var random = new Random(dimension);
        var v = Enumerable.Range(0, dimension).Select(_ => (sbyte)random.Next(-127, 128)).ToArray();
        var q = Enumerable.Range(0, dimension).Select(_ => (sbyte)random.Next(-Int8Dot.QueryLimit, Int8Dot.QueryLimit + 1)).ToArray();
        var expected = v.Select((x, i) => x * q[i]).Sum();
        Assert.Equal(expected, Int8Dot.Dot(v, q, q.Sum(x => (int)x)));
    }

    [Theory]
    [InlineData(127, 63)]
    [InlineData(127, -63)]
    [InlineData(-127, 63)]
    [InlineData(-127, -63)]
    public void ExtremeValues_DoNotSaturate(int row, int query)
    {
        // Both halves of every pair at the limits: after the offset 127 is 255, so a pair sums to ±255 × 63 × 2.
        var v = Enumerable.Repeat((sbyte)row, 384).ToArray();
        var q = Enumerable.Repeat((sbyte)query, 384).ToArray();
        Assert.Equal(384 * row * query, Int8Dot.Dot(v, q, q.Sum(x => (int)x)));
    }
}
