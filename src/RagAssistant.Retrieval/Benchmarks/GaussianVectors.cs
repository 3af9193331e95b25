using System.Numerics.Tensors;

namespace RagAssistant.Retrieval.Benchmarks;

/// <summary>
/// The vectors of `rag bench search`: L2-normalised Gaussian rows, then the queries, drawn in that order from one
/// generator with a fixed seed, so that any index can be filled with the very rows the in-memory one was measured on.
/// </summary>
public static class GaussianVectors
{
    private const int Seed = 42;

    /// <summary>The <paramref name="count"/> rows, each a new array (row i has id i), drawn as they are enumerated.</summary>
    public static IEnumerable<float[]> Rows(int count, int dimension)
    {
        var random = new Random(Seed);
        for (var i = 0; i < count; i++)
        {
            var row = new float[dimension];
            Fill(random, row);
            yield return row;
        }
    }

    /// <summary>The queries that follow <paramref name="rows"/> rows.</summary>
    public static IReadOnlyList<float[]> Queries(int rows, int dimension, int count)
    {
        var random = new Random(Seed);
        var skipped = new float[dimension];
        for (var i = 0; i < rows; i++) Fill(random, skipped);
        return Enumerable.Range(0, count).Select(_ => { var q = new float[dimension]; Fill(random, q); return q; }).ToList();
    }

    /// <summary>One unit-length Gaussian vector (Box–Muller: two independent standard normals per pair of uniforms).</summary>
    public static void Fill(Random random, float[] target)
    {
        for (var i = 0; i < target.Length; i += 2)
        {
            var u1 = 1.0 - random.NextDouble();
            var u2 = random.NextDouble();
            var radius = Math.Sqrt(-2.0 * Math.Log(u1));
            target[i] = (float)(radius * Math.Cos(2 * Math.PI * u2));
            if (i + 1 < target.Length) target[i + 1] = (float)(radius * Math.Sin(2 * Math.PI * u2));
        }
        TensorPrimitives.Divide(target, TensorPrimitives.Norm(target), target);
    }
}
