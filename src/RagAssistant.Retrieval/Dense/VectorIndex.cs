using System.Numerics.Tensors;
using RagAssistant.Core.Search;

namespace RagAssistant.Retrieval.Dense;

/// <summary>
/// An in-memory copy of the chunk vectors (unit length, one contiguous float array) for exact top-k by dot product
/// (= cosine), SIMD per row through <see cref="TensorPrimitives"/>, rows split across all cores. Above
/// <see cref="QuantizeAbove"/> vectors it also keeps an int8 copy (per-vector scale) and searches in two passes: the
/// int8 scan picks <c>k × oversample</c> candidates, which are re-scored exactly. Writers add and remove rows as chunks
/// are stored and deleted; searches and writes are serialised by a reader-writer lock.
/// </summary>
public sealed class VectorIndex(int dimension, int quantizeAbove = 200_000, int oversample = 8)
{
    private readonly ReaderWriterLockSlim _lock = new();
    private readonly Dictionary<long, int> _slotOf = [];
    private float[] _vectors = new float[dimension * 1024];
    private sbyte[] _quantized = [];
    private float[] _scales = [];
    private long[] _ids = new long[1024];
    private VectorTag[] _tags = new VectorTag[1024];
    private int _count;

    public int Dimension => dimension;
    public int QuantizeAbove => quantizeAbove;
    public int Count => _count;
    public bool IsQuantized => _quantized.Length > 0;

    /// <summary>Adds or replaces the vector of <paramref name="id"/> (normalised to unit length here).</summary>
    public void Upsert(long id, ReadOnlySpan<float> vector, VectorTag tag)
    {
        if (vector.Length != dimension) throw new ArgumentException($"vector has {vector.Length} dimensions, the index {dimension}", nameof(vector));
        _lock.EnterWriteLock();
        try
        {
            if (!_slotOf.TryGetValue(id, out var slot))
            {
                slot = _count++;
                EnsureCapacity(_count);
                _slotOf[id] = slot;
                _ids[slot] = id;
            }
            var row = _vectors.AsSpan(slot * dimension, dimension);
            vector.CopyTo(row);
            var norm = TensorPrimitives.Norm(row);
            if (norm > 0) TensorPrimitives.Divide(row, norm, row);
            _tags[slot] = tag;
            if (IsQuantized) Quantize(slot);
            else if (_count > quantizeAbove) QuantizeAll();
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>Removes a vector; the last row moves into its slot so the array stays contiguous.</summary>
    public bool Remove(long id)
    {
        _lock.EnterWriteLock();
        try
        {
            if (!_slotOf.Remove(id, out var slot)) return false;
            var last = --_count;
            if (slot != last)
            {
                _vectors.AsSpan(last * dimension, dimension).CopyTo(_vectors.AsSpan(slot * dimension, dimension));
                if (IsQuantized)
                {
                    _quantized.AsSpan(last * dimension, dimension).CopyTo(_quantized.AsSpan(slot * dimension, dimension));
                    _scales[slot] = _scales[last];
                }
                _ids[slot] = _ids[last];
                _tags[slot] = _tags[last];
                _slotOf[_ids[slot]] = slot;
            }
            return true;
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>A copy of the stored (unit-length) vector of <paramref name="id"/>, or null when the index does not hold it.</summary>
    public float[]? GetVector(long id)
    {
        _lock.EnterReadLock();
        try
        {
            return _slotOf.TryGetValue(id, out var slot) ? _vectors.AsSpan(slot * dimension, dimension).ToArray() : null;
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>The <paramref name="k"/> best rows by cosine, best first; <paramref name="allow"/> filters by tag.</summary>
    public IReadOnlyList<ChunkHit> Search(ReadOnlySpan<float> query, int k, Func<VectorTag, bool>? allow = null, bool exact = false)
    {
        var q = Normalised(query);
        _lock.EnterReadLock();
        try
        {
            if (_count == 0 || k <= 0) return [];
            if (!exact && IsQuantized) return SearchQuantized(q, k, allow);
            return SearchExact(q, k, allow);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    private IReadOnlyList<ChunkHit> SearchExact(float[] query, int k, Func<VectorTag, bool>? allow)
    {
        var vectors = _vectors;
        return TopK.Parallel(_count, k, (start, end, heap) =>
        {
            var q = query.AsSpan();
            for (var slot = start; slot < end; slot++)
            {
                if (allow is not null && !allow(_tags[slot])) continue;
                heap.Offer(slot, TensorPrimitives.Dot(vectors.AsSpan(slot * dimension, dimension), q));
            }
        }).Select(x => new ChunkHit(_ids[x.Slot], x.Score)).ToList();
    }

    private IReadOnlyList<ChunkHit> SearchQuantized(float[] query, int k, Func<VectorTag, bool>? allow)
    {
        // The query is scaled into ±Int8Dot.QueryLimit; each row's int8 dot times its scale estimates the cosine (times a
        // factor the same for every row), and the candidates are re-scored exactly.
        var maxAbs = MathF.Abs(TensorPrimitives.MaxMagnitude(query)); // MaxMagnitude keeps the sign
        var queryScale = maxAbs > 0 ? Int8Dot.QueryLimit / maxAbs : 1f;
        var smallQuery = new sbyte[dimension];
        for (var i = 0; i < dimension; i++) smallQuery[i] = (sbyte)MathF.Round(query[i] * queryScale);
        var querySum = smallQuery.Sum(x => (int)x);

        var quantized = _quantized;
        var scales = _scales;
        var candidates = TopK.Parallel(_count, k * oversample, (start, end, heap) =>
        {
            var sq = smallQuery.AsSpan();
            for (var slot = start; slot < end; slot++)
            {
                if (allow is not null && !allow(_tags[slot])) continue;
                heap.Offer(slot, Int8Dot.Dot(quantized.AsSpan(slot * dimension, dimension), sq, querySum) * scales[slot]);
            }
        });
        return candidates
            .Select(c => (c.Slot, Score: TensorPrimitives.Dot(_vectors.AsSpan(c.Slot * dimension, dimension), query)))
            .OrderByDescending(c => c.Score)
            .Take(k)
            .Select(c => new ChunkHit(_ids[c.Slot], c.Score))
            .ToList();
    }

    private float[] Normalised(ReadOnlySpan<float> query)
    {
        if (query.Length != dimension) throw new ArgumentException($"query has {query.Length} dimensions, the index {dimension}", nameof(query));
        var q = query.ToArray();
        var norm = TensorPrimitives.Norm(q);
        if (norm > 0) TensorPrimitives.Divide(q, norm, q);
        return q;
    }

    private void EnsureCapacity(int count)
    {
        if (count <= _ids.Length) return;
        var capacity = Math.Max(count, _ids.Length * 2);
        Array.Resize(ref _ids, capacity);
        Array.Resize(ref _tags, capacity);
        Array.Resize(ref _vectors, capacity * dimension);
        if (IsQuantized)
        {
            Array.Resize(ref _quantized, capacity * dimension);
            Array.Resize(ref _scales, capacity);
        }
    }

    private void QuantizeAll()
    {
        _quantized = new sbyte[_ids.Length * dimension];
        _scales = new float[_ids.Length];
        System.Threading.Tasks.Parallel.For(0, _count, Quantize);
    }

    /// <summary>Symmetric per-row int8: v ≈ q × scale with scale = max|v| / 127; the query carries the 1/queryScale.</summary>
    private void Quantize(int slot)
    {
        var row = _vectors.AsSpan(slot * dimension, dimension);
        var target = _quantized.AsSpan(slot * dimension, dimension);
        var maxAbs = MathF.Abs(TensorPrimitives.MaxMagnitude(row)); // MaxMagnitude keeps the sign
        var scale = maxAbs > 0 ? maxAbs / 127f : 1f;
        for (var i = 0; i < dimension; i++) target[i] = (sbyte)Math.Clamp(MathF.Round(row[i] / scale), -127, 127);
        _scales[slot] = scale;
    }
}

/// <summary>What a dense search may filter on, per vector.</summary>
public readonly record struct VectorTag(string Library, string Kind, string? IdentityKey, bool Superseded, string? Language = null);
