using System.Numerics;
using System.Numerics.Tensors;
using RagAssistant.Core.Search;

namespace RagAssistant.Retrieval.Dense;

/// <summary>
/// An in-memory copy of the chunk vectors (unit length) for exact top-k by dot product (= cosine), SIMD per row through
/// <see cref="TensorPrimitives"/>, rows split across all cores. Above <see cref="QuantizeAbove"/> vectors it also keeps an
/// int8 copy (per-vector scale) and searches in two passes: the int8 scan picks <c>k × oversample</c> candidates, which
/// are re-scored exactly. Rows live in fixed-size <see cref="VectorBlock"/>s of <see cref="BlockRows"/> rows (row
/// <c>slot</c> is row <c>slot % BlockRows</c> of block <c>slot / BlockRows</c>), so growing never copies the whole
/// index: one array resized by doubling would hold the old and the new copy at once (3 GB for a 1M × 384 index).
/// Writers add, re-tag and remove rows by chunk id as chunks are stored, re-marked and deleted; searches and writes are
/// serialised by a reader-writer lock.
/// </summary>
public sealed class VectorIndex
{
    /// <summary>Rows per block: 16,384 × 384 floats = 24 MiB, about 1.5 % of a 1M-row index (the most growth adds at once).</summary>
    public const int DefaultBlockRows = 16_384;

    /// <summary>Rows the first block starts with; it doubles up to <see cref="BlockRows"/> before a second block is added.</summary>
    private const int FirstBlockRows = 1024;

    private readonly ReaderWriterLockSlim _lock = new();
    private readonly Dictionary<long, int> _slotOf = [];
    private readonly int _dimension;
    private readonly int _quantizeAbove;
    private readonly int _oversample;
    private readonly int _blockRows;
    private readonly int _shift;
    private VectorBlock[] _blocks = [];
    private int _blockCount;
    private int _count;
    private bool _quantized;

    /// <param name="blockRows">Rows per block, a power of two (small values let tests cross block boundaries).</param>
    public VectorIndex(int dimension, int quantizeAbove = 200_000, int oversample = 8, int blockRows = DefaultBlockRows)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimension);
        if (blockRows <= 0 || !BitOperations.IsPow2(blockRows))
            throw new ArgumentOutOfRangeException(nameof(blockRows), blockRows, "rows per block must be a power of two");
        _dimension = dimension;
        _quantizeAbove = quantizeAbove;
        _oversample = oversample;
        _blockRows = blockRows;
        _shift = BitOperations.Log2((uint)blockRows);
    }

    public int Dimension => _dimension;
    public int QuantizeAbove => _quantizeAbove;
    public int BlockRows => _blockRows;
    public int Count => _count;
    public bool IsQuantized => _quantized;

    /// <summary>Blocks allocated (at most one more than the rows need: one spare is kept when rows are removed).</summary>
    public int Blocks => _blockCount;

    /// <summary>Adds or replaces the vector of <paramref name="id"/> (normalised to unit length here).</summary>
    public void Upsert(long id, ReadOnlySpan<float> vector, VectorTag tag)
    {
        CheckDimension(vector.Length, nameof(vector));
        _lock.EnterWriteLock();
        try
        {
            UpsertRow(id, vector, tag);
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>
    /// Applies one batch of changes under a single write lock, so a search sees all of it or none: rows added or replaced,
    /// tags changed (rows the index does not hold are skipped), rows removed.
    /// </summary>
    public void Apply(IReadOnlyList<(long Id, float[] Vector, VectorTag Tag)> upserts, IReadOnlyList<(long Id, VectorTag Tag)> retags, IReadOnlyCollection<long> removes)
    {
        foreach (var (_, vector, _) in upserts) CheckDimension(vector.Length, nameof(upserts));
        _lock.EnterWriteLock();
        try
        {
            foreach (var (id, vector, tag) in upserts) UpsertRow(id, vector, tag);
            foreach (var (id, tag) in retags)
                if (_slotOf.TryGetValue(id, out var slot)) Block(slot).Tags[Row(slot)] = tag;
            foreach (var id in removes) RemoveRow(id);
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>Removes a vector; the last row moves into its slot so the rows stay contiguous.</summary>
    public bool Remove(long id)
    {
        _lock.EnterWriteLock();
        try
        {
            return RemoveRow(id);
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>Removes every row whose id <paramref name="remove"/> picks; returns how many.</summary>
    public int RemoveWhere(Func<long, bool> remove)
    {
        _lock.EnterWriteLock();
        try
        {
            // From the last slot down: a removal moves the last row (already looked at) into the freed slot.
            var removed = 0;
            for (var slot = _count - 1; slot >= 0; slot--)
            {
                var id = Block(slot).Ids[Row(slot)];
                if (remove(id) && RemoveRow(id)) removed++;
            }
            return removed;
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
            return _slotOf.TryGetValue(id, out var slot) ? Block(slot).Vector(Row(slot)).ToArray() : null;
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>The tag of <paramref name="id"/>, or null when the index does not hold it.</summary>
    public VectorTag? GetTag(long id)
    {
        _lock.EnterReadLock();
        try
        {
            return _slotOf.TryGetValue(id, out var slot) ? Block(slot).Tags[Row(slot)] : null;
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
            if (!exact && _quantized) return SearchQuantized(q, k, allow);
            return SearchExact(q, k, allow);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    private IReadOnlyList<ChunkHit> SearchExact(float[] query, int k, Func<VectorTag, bool>? allow)
    {
        var blocks = _blocks;
        var dimension = _dimension;
        return TopK.Parallel(_count, k, (start, end, heap) =>
        {
            var q = query.AsSpan();
            // Block by block: the inner loop is the one-array scan it always was.
            for (var slot = start; slot < end;)
            {
                var block = blocks[slot >> _shift];
                var row = Row(slot);
                var stop = Math.Min(end, slot - row + _blockRows);
                var vectors = block.Vectors;
                var tags = block.Tags;
                for (; slot < stop; slot++, row++)
                {
                    if (allow is not null && !allow(tags[row])) continue;
                    heap.Offer(slot, TensorPrimitives.Dot(vectors.AsSpan(row * dimension, dimension), q));
                }
            }
        }).Select(x => new ChunkHit(IdAt(x.Slot), x.Score)).ToList();
    }

    private IReadOnlyList<ChunkHit> SearchQuantized(float[] query, int k, Func<VectorTag, bool>? allow)
    {
        // The query is scaled into ±Int8Dot.QueryLimit; each row's int8 dot times its scale estimates the cosine (times a
        // factor the same for every row), and the candidates are re-scored exactly.
        var maxAbs = MathF.Abs(TensorPrimitives.MaxMagnitude(query)); // MaxMagnitude keeps the sign
        var queryScale = maxAbs > 0 ? Int8Dot.QueryLimit / maxAbs : 1f;
        var smallQuery = new sbyte[_dimension];
        for (var i = 0; i < _dimension; i++) smallQuery[i] = (sbyte)MathF.Round(query[i] * queryScale);
        var querySum = smallQuery.Sum(x => (int)x);

        var blocks = _blocks;
        var dimension = _dimension;
        var candidates = TopK.Parallel(_count, k * _oversample, (start, end, heap) =>
        {
            var sq = smallQuery.AsSpan();
            for (var slot = start; slot < end;)
            {
                var block = blocks[slot >> _shift];
                var row = Row(slot);
                var stop = Math.Min(end, slot - row + _blockRows);
                var quantized = block.Quantized!;
                var scales = block.Scales!;
                var tags = block.Tags;
                for (; slot < stop; slot++, row++)
                {
                    if (allow is not null && !allow(tags[row])) continue;
                    heap.Offer(slot, Int8Dot.Dot(quantized.AsSpan(row * dimension, dimension), sq, querySum) * scales[row]);
                }
            }
        });
        return candidates
            .Select(c => (c.Slot, Score: TensorPrimitives.Dot(Block(c.Slot).Vector(Row(c.Slot)), query)))
            .OrderByDescending(c => c.Score)
            .Take(k)
            .Select(c => new ChunkHit(IdAt(c.Slot), c.Score))
            .ToList();
    }

    private void UpsertRow(long id, ReadOnlySpan<float> vector, VectorTag tag)
    {
        if (!_slotOf.TryGetValue(id, out var slot))
        {
            slot = _count;
            EnsureCapacity(_count + 1);
            _count++;
            _slotOf[id] = slot;
            Block(slot).Ids[Row(slot)] = id;
        }
        var block = Block(slot);
        var row = block.Vector(Row(slot));
        vector.CopyTo(row);
        var norm = TensorPrimitives.Norm(row);
        if (norm > 0) TensorPrimitives.Divide(row, norm, row);
        block.Tags[Row(slot)] = tag;
        if (_quantized) Quantize(slot);
        else if (_count > _quantizeAbove) QuantizeAll();
    }

    private bool RemoveRow(long id)
    {
        if (!_slotOf.Remove(id, out var slot)) return false;
        var last = --_count;
        if (slot != last)
        {
            var (to, from) = (Block(slot), Block(last));
            var (toRow, fromRow) = (Row(slot), Row(last));
            from.Vector(fromRow).CopyTo(to.Vector(toRow));
            if (_quantized)
            {
                from.QuantizedVector(fromRow).CopyTo(to.QuantizedVector(toRow));
                to.Scales![toRow] = from.Scales![fromRow];
            }
            to.Ids[toRow] = from.Ids[fromRow];
            to.Tags[toRow] = from.Tags[fromRow];
            _slotOf[to.Ids[toRow]] = slot;
        }
        Block(last).Tags[Row(last)] = default; // lets the tag's strings go
        ReleaseSpareBlocks();
        return true;
    }

    private VectorBlock Block(int slot) => _blocks[slot >> _shift];

    private int Row(int slot) => slot & (_blockRows - 1);

    private long IdAt(int slot) => Block(slot).Ids[Row(slot)];

    private int Capacity => _blockCount == 0 ? 0 : (_blockCount - 1) * _blockRows + _blocks[_blockCount - 1].Capacity;

    private void EnsureCapacity(int count)
    {
        while (count > Capacity)
        {
            if (_blockCount == 1 && _blocks[0].Capacity < _blockRows)
            {
                // A small index grows its one block by doubling (cheap at this size), up to a whole block.
                _blocks[0].Grow(Math.Min(_blockRows, _blocks[0].Capacity * 2));
                continue;
            }
            if (_blockCount == _blocks.Length) Array.Resize(ref _blocks, Math.Max(4, _blocks.Length * 2)); // references only
            var rows = _blockCount == 0 ? Math.Min(FirstBlockRows, _blockRows) : _blockRows;
            _blocks[_blockCount] = new VectorBlock(rows, _dimension, _quantized);
            _blockCount++;
        }
    }

    /// <summary>Frees trailing blocks that removals emptied, keeping one spare so rows added and removed at a block edge do not allocate each time.</summary>
    private void ReleaseSpareBlocks()
    {
        while (_blockCount >= 2 && _count <= (_blockCount - 2) * _blockRows)
            _blocks[--_blockCount] = null!;
    }

    private void CheckDimension(int length, string parameter)
    {
        if (length != _dimension) throw new ArgumentException($"vector has {length} dimensions, the index {_dimension}", parameter);
    }

    private float[] Normalised(ReadOnlySpan<float> query)
    {
        if (query.Length != _dimension) throw new ArgumentException($"query has {query.Length} dimensions, the index {_dimension}", nameof(query));
        var q = query.ToArray();
        var norm = TensorPrimitives.Norm(q);
        if (norm > 0) TensorPrimitives.Divide(q, norm, q);
        return q;
    }

    private void QuantizeAll()
    {
        _quantized = true;
        for (var b = 0; b < _blockCount; b++) _blocks[b].AddQuantized();
        System.Threading.Tasks.Parallel.For(0, _count, Quantize);
    }

    /// <summary>Symmetric per-row int8: v ≈ q × scale with scale = max|v| / 127; the query carries the 1/queryScale.</summary>
    private void Quantize(int slot)
    {
        var block = Block(slot);
        var row = block.Vector(Row(slot));
        var target = block.QuantizedVector(Row(slot));
        var maxAbs = MathF.Abs(TensorPrimitives.MaxMagnitude(row)); // MaxMagnitude keeps the sign
        var scale = maxAbs > 0 ? maxAbs / 127f : 1f;
        for (var i = 0; i < _dimension; i++) target[i] = (sbyte)Math.Clamp(MathF.Round(row[i] / scale), -127, 127);
        block.Scales![Row(slot)] = scale;
    }
}

/// <summary>What a dense search may filter on, per vector.</summary>
public readonly record struct VectorTag(string Library, string Kind, string? IdentityKey, bool Superseded, string? Language = null);
