namespace RagAssistant.Retrieval.Benchmarks;

/// <summary>
/// Embedding-like vectors for `rag bench search --vectors clustered`: sentence embeddings are not spread evenly over the
/// sphere — they lie near a space of few dimensions, in topics. Each row is a random topic's centre in a
/// <see cref="LatentDimensions"/>-dimensional latent space plus spread around it, mapped into the full dimension by one
/// fixed random matrix, plus a little noise in every dimension, then scaled to unit length; queries are drawn the same
/// way from another seed. On isotropic Gaussian vectors (<see cref="GaussianVectors"/>) every point is nearly as far as
/// every other, which no approximate index handles (HNSW recall@10 0.05 at 100,000); on these, nearness means
/// something, as it does for a real model's vectors.
/// </summary>
public static class ClusteredVectors
{
    public const int LatentDimensions = 32;
    public const int Topics = 1000;
    private const double Spread = 0.5;
    private const double Noise = 0.05;

    public static IEnumerable<float[]> Rows(int count, int dimension) => Draw(count, dimension, 42);

    public static IReadOnlyList<float[]> Queries(int count, int dimension) => Draw(count, dimension, 43).ToList();

    private static IEnumerable<float[]> Draw(int count, int dimension, int seed)
    {
        // The topics and the projection are the same for rows and queries (seed 7); only what is drawn from them differs.
        var shape = new Random(7);
        var projection = Normals(shape, dimension * LatentDimensions);
        var centres = Enumerable.Range(0, Topics).Select(_ => Normals(shape, LatentDimensions)).ToArray();
        var random = new Random(seed);
        var latent = new double[LatentDimensions];
        for (var n = 0; n < count; n++)
        {
            var centre = centres[random.Next(Topics)];
            for (var j = 0; j < LatentDimensions; j++) latent[j] = centre[j] + Spread * Normal(random);
            var row = new float[dimension];
            for (var i = 0; i < dimension; i++)
            {
                var x = 0.0;
                for (var j = 0; j < LatentDimensions; j++) x += projection[i * LatentDimensions + j] * latent[j];
                row[i] = (float)(x / Math.Sqrt(LatentDimensions) + Noise * Normal(random));
            }
            System.Numerics.Tensors.TensorPrimitives.Divide(row, System.Numerics.Tensors.TensorPrimitives.Norm(row), row);
            yield return row;
        }
    }

    private static double[] Normals(Random random, int count) => Enumerable.Range(0, count).Select(_ => Normal(random)).ToArray();

    /// <summary>A standard normal (Box–Muller, one of the pair).</summary>
    private static double Normal(Random random) =>
        Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
