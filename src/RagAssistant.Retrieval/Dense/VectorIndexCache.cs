using Microsoft.Extensions.Options;
using RagAssistant.Core.Search;

namespace RagAssistant.Retrieval.Dense;

/// <summary>
/// The in-memory <see cref="VectorIndex"/> of one embedding model (one per model of <see cref="DenseModels"/>), shared
/// by dense retrieval and the VectorData collection. It holds the stored vectors of that model only (vectors of another
/// model are never mixed in; `rag reembed` converts them), is loaded on first use and reloaded whenever the store's write generation
/// (<see cref="IChunkSearch.WriteGenerationAsync"/>) has moved — any chunk written, replaced or deleted, any revision
/// re-marked, by this process or another — which is checked before every search, so a search never runs on an index
/// older than the last committed write. (Ids are never reused either, and every chunk found is loaded through the
/// caller's filter again, so even a lagging index could not hand one library's text to another's reader.)
/// </summary>
public sealed class VectorIndexCache(string modelId, bool readsChinese, IChunkSearch store, IOptions<RetrievalOptions> options, bool? understandsChinese = null)
{
    private readonly SemaphoreSlim _loadLock = new(1, 1);

    private volatile VectorIndex? _index;
    private long _generation = long.MinValue;

    /// <summary>The model id the stored vectors must carry.</summary>
    public string ModelId => modelId;

    /// <summary>Whether the model reads Chinese, unless <see cref="Core.Relevance.RelevanceOptions.DenseUnderstandsChinese"/> says otherwise.</summary>
    public bool UnderstandsChinese => understandsChinese ?? readsChinese;

    /// <summary>The index of the current vectors, or null when no chunk carries a vector of the model.</summary>
    public async Task<VectorIndex?> GetAsync(CancellationToken cancellationToken = default)
    {
        var generation = await store.WriteGenerationAsync(cancellationToken);
        if (generation == Volatile.Read(ref _generation)) return _index;
        await _loadLock.WaitAsync(cancellationToken);
        try
        {
            if (generation == _generation) return _index;
            // Read after the generation: a write committed in between makes the next call reload again, never miss it.
            var vectors = await store.ReadVectorsAsync(ModelId, cancellationToken);
            VectorIndex? index = null;
            if (vectors.Count > 0)
            {
                index = new VectorIndex(vectors[0].Vector.Length, options.Value.QuantizeAbove);
                foreach (var v in vectors.Where(v => v.Vector.Length == index.Dimension))
                    index.Upsert(v.ChunkId, v.Vector, new VectorTag(v.Library, v.Kind, v.IdentityKey, v.Superseded, v.Language));
            }
            _index = index;
            Volatile.Write(ref _generation, generation);
            return index;
        }
        finally
        {
            _loadLock.Release();
        }
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
