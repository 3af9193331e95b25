using Microsoft.Extensions.Options;
using RagAssistant.Core.Search;

namespace RagAssistant.Retrieval.Dense;

/// <summary>
/// The in-memory <see cref="VectorIndex"/> of one embedding model (one per model of <see cref="DenseModels"/>), shared
/// by dense retrieval and the VectorData collection. It holds the stored vectors of that model only (vectors of another
/// model are never mixed in; `rag reembed` converts them). It is loaded on first use by streaming the vectors into it;
/// afterwards, whenever the store's write generation (<see cref="IChunkSearch.WriteGenerationAsync"/>) has moved — any
/// write by this process or another — it applies the store's index change log since its position
/// (<see cref="IChunkSearch.ReadIndexChangesAsync"/>): only the changed chunks' vectors and tags are read, and rows are
/// added, replaced, re-tagged and removed by chunk id in the live index, so an update costs what changed, not a reload,
/// and never holds a second copy of the index. This is checked before every search, so a search never runs on an index
/// older than the last committed write. (Ids are never reused either, and every chunk found is loaded through the
/// caller's filter again, so even a lagging index could not hand one library's text to another's reader.) When the log
/// cannot say what changed (pruned past the index's position, a restored file, a migration's reload marker) every vector
/// is read again into the same index — rows replaced in place, the ones no longer stored removed — and
/// <see cref="Counters"/> records it.
/// </summary>
public sealed class VectorIndexCache(string modelId, bool readsChinese, IChunkSearch store, IOptions<RetrievalOptions> options, bool? understandsChinese = null)
{
    /// <summary>Log rows read per step: bounds what one step holds (4,096 vectors of 384 floats = 6 MiB).</summary>
    private const int ChangesPerRead = 4096;

    /// <summary>Rows written per write lock while everything is read again, so searches interleave with a full resync.</summary>
    private const int RowsPerLock = 1024;

    private readonly SemaphoreSlim _loadLock = new(1, 1);

    /// <summary>
    /// One string instance per distinct library, kind, identity key and language: the store hands each row its own
    /// copies, which at 1M rows would hold ~100 MB of duplicate strings in the tags. Used under the load lock only.
    /// </summary>
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);

    private volatile VectorIndex? _index;
    private long _generation = long.MinValue;
    private bool _loaded;
    private long _seq;
    private long _fullLoads;
    private long _incrementalUpdates;
    private long _changesApplied;
    private string? _lastFullLoadReason;

    /// <summary>The model id the stored vectors must carry.</summary>
    public string ModelId => modelId;

    /// <summary>Whether the model reads Chinese, unless <see cref="Core.Relevance.RelevanceOptions.DenseUnderstandsChinese"/> says otherwise.</summary>
    public bool UnderstandsChinese => understandsChinese ?? readsChinese;

    /// <summary>Full loads, incremental updates and rows applied so far.</summary>
    public VectorIndexCacheCounters Counters => new(Interlocked.Read(ref _fullLoads), Interlocked.Read(ref _incrementalUpdates),
        Interlocked.Read(ref _changesApplied), Volatile.Read(ref _lastFullLoadReason), Interlocked.Read(ref _seq));

    /// <summary>The index of the current vectors, or null when no chunk has carried a vector of the model since it was loaded.</summary>
    public async Task<VectorIndex?> GetAsync(CancellationToken cancellationToken = default)
    {
        var generation = await store.WriteGenerationAsync(cancellationToken);
        if (generation == Volatile.Read(ref _generation)) return _index;
        await _loadLock.WaitAsync(cancellationToken);
        try
        {
            if (generation == _generation) return _index;
            // The log is read after the generation: a write committed in between is applied now or, at the latest, by the
            // next call (its generation is newer), never missed; applying a change twice is harmless (rows are set to the
            // chunk's current state).
            if (!_loaded) await LoadAllAsync("first use", cancellationToken);
            else await CatchUpAsync(cancellationToken);
            Volatile.Write(ref _generation, generation);
            return _index;
        }
        finally
        {
            _loadLock.Release();
        }
    }

    /// <summary>Applies the change log from the index's position on, one page at a time.</summary>
    private async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        var applied = 0L;
        while (true)
        {
            var changes = await store.ReadIndexChangesAsync(ModelId, Interlocked.Read(ref _seq), ChangesPerRead, cancellationToken);
            if (changes.ReloadAll)
            {
                await LoadAllAsync(changes.Reason ?? "the change log asked for it", cancellationToken);
                return;
            }
            if (changes.Count > 0)
            {
                Apply(changes);
                applied += changes.Count;
            }
            Interlocked.Exchange(ref _seq, changes.Seq);
            if (!changes.More) break;
        }
        if (applied == 0) return;
        Interlocked.Increment(ref _incrementalUpdates);
        Interlocked.Add(ref _changesApplied, applied);
    }

    private void Apply(IndexChanges changes)
    {
        var index = _index;
        if (index is null)
        {
            if (changes.Upserts.Count == 0) return; // removals and tags of rows an empty index does not hold
            _index = index = new VectorIndex(changes.Upserts[0].Vector.Length, options.Value.QuantizeAbove);
        }
        index.Apply(
            changes.Upserts.Where(v => v.Vector.Length == index.Dimension).Select(v => (v.ChunkId, v.Vector, TagOf(v))).ToList(),
            changes.Retags.Select(t => (t.ChunkId, Tag(t.Library, t.Kind, t.IdentityKey, t.Superseded, t.Language))).ToList(),
            changes.Removes);
    }

    /// <summary>
    /// Reads every vector of the model. The first time, rows are streamed straight into a new index (no list of all the
    /// vectors beside it). Later (the log could not say what changed), into the live index: rows replaced in place in
    /// batches of <see cref="RowsPerLock"/>, then the rows no longer stored removed. Memory grows by the set of ids seen
    /// (~30 MB at 1M), not by a second index; searches already under way interleave with the batches, and each sees
    /// every row either before or after its replacement (new searches wait for the load, as they wait for any update).
    /// </summary>
    private async Task LoadAllAsync(string reason, CancellationToken cancellationToken)
    {
        _strings.Clear(); // every row's tag is set again below; values no longer stored are let go
        var index = _index;
        long seq;
        if (index is null)
        {
            seq = await store.ReadVectorsAsync(ModelId, v =>
            {
                index ??= new VectorIndex(v.Vector.Length, options.Value.QuantizeAbove);
                if (v.Vector.Length == index.Dimension) index.Upsert(v.ChunkId, v.Vector, TagOf(v));
            }, cancellationToken);
            _index = index;
        }
        else
        {
            var live = index;
            var seen = new HashSet<long>(live.Count);
            var batch = new List<(long, float[], VectorTag)>(RowsPerLock);
            seq = await store.ReadVectorsAsync(ModelId, v =>
            {
                if (v.Vector.Length != live.Dimension) return;
                seen.Add(v.ChunkId);
                batch.Add((v.ChunkId, v.Vector, TagOf(v)));
                if (batch.Count < RowsPerLock) return;
                live.Apply(batch, [], []);
                batch.Clear();
            }, cancellationToken);
            live.Apply(batch, [], []);
            live.RemoveWhere(id => !seen.Contains(id));
        }
        _loaded = true;
        Interlocked.Exchange(ref _seq, seq);
        Interlocked.Increment(ref _fullLoads);
        Volatile.Write(ref _lastFullLoadReason, reason);
    }

    private VectorTag TagOf(IndexedVector v) => Tag(v.Library, v.Kind, v.IdentityKey, v.Superseded, v.Language);

    private VectorTag Tag(string library, string kind, string? identityKey, bool superseded, string language) =>
        new(Shared(library), Shared(kind), identityKey is null ? null : Shared(identityKey), superseded, Shared(language));

    private string Shared(string value)
    {
        if (_strings.TryGetValue(value, out var shared)) return shared;
        _strings[value] = value;
        return value;
    }

    /// <summary>The index predicate for <paramref name="filter"/>; null when it restricts nothing.</summary>
    public static Func<VectorTag, bool>? Allow(SearchFilter filter)
    {
        if (filter == SearchFilter.None) return null;
        var identityKey = filter.Identity is null ? null : IdentityKeys.Of(filter.Identity);
        return tag =>
            (filter.Libraries is not { Count: > 0 } libraries || libraries.Contains(tag.Library))
            && (filter.Kinds is not { Count: > 0 } kinds || kinds.Contains(tag.Kind))
            && (identityKey is null || tag.IdentityKey == identityKey)
            && (!filter.CurrentOnly || !tag.Superseded)
            && (filter.Language is null || tag.Language == filter.Language);
    }
}
