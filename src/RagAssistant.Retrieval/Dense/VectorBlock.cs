namespace RagAssistant.Retrieval.Dense;

/// <summary>
/// One fixed-size segment of a <see cref="VectorIndex"/>'s rows: their unit vectors (row-major), int8 copies and scales
/// once the index is quantized, chunk ids and tags. The index grows by adding blocks, never by copying the ones it has,
/// so adding rows to a 1.5 GB index allocates one block (16,384 × 384 floats = 24 MiB), not a second 1.5 GB array.
/// </summary>
internal sealed class VectorBlock(int rows, int dimension, bool quantized)
{
    public float[] Vectors = new float[rows * dimension];
    public sbyte[]? Quantized = quantized ? new sbyte[rows * dimension] : null;
    public float[]? Scales = quantized ? new float[rows] : null;
    public long[] Ids = new long[rows];
    public VectorTag[] Tags = new VectorTag[rows];

    /// <summary>Rows this block holds.</summary>
    public int Capacity => Ids.Length;

    public Span<float> Vector(int row) => Vectors.AsSpan(row * dimension, dimension);

    public Span<sbyte> QuantizedVector(int row) => Quantized!.AsSpan(row * dimension, dimension);

    /// <summary>Gives the block int8 copies (filled by the caller).</summary>
    public void AddQuantized()
    {
        Quantized ??= new sbyte[Capacity * dimension];
        Scales ??= new float[Capacity];
    }

    /// <summary>
    /// Enlarges a small block to <paramref name="capacity"/> rows. Only the first block of a small index grows (by
    /// doubling, up to the block size), so an index of a few hundred chunks does not hold a whole block.
    /// </summary>
    public void Grow(int capacity)
    {
        Array.Resize(ref Vectors, capacity * dimension);
        Array.Resize(ref Ids, capacity);
        Array.Resize(ref Tags, capacity);
        if (Quantized is not null) Array.Resize(ref Quantized, capacity * dimension);
        if (Scales is not null) Array.Resize(ref Scales, capacity);
    }
}
