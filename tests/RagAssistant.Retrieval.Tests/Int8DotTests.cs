using RagAssistant.Retrieval.Dense;

namespace RagAssistant.Retrieval.Tests;

public class Int8DotTests
{
    [Theory]
    [InlineData(64)]
    [InlineData(384)]
    [InlineData(37)]
    public void SimdDot_EqualsScalarDot(int dimension)
    {
        var random = new Random(dimension);
        var v = Enumerable.Range(0, dimension).Select(_ => (sbyte)random.Next(-127, 128)).ToArray();
        var q = Enumerable.Range(0, dimension).Select(_ => (short)random.Next(-127, 128)).ToArray();
        var expected = v.Select((x, i) => x * q[i]).Sum();
        Assert.Equal(expected, Int8Dot.Dot(v, q));
    }
}
