using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using RagAssistant.Core.Embeddings;
using RagAssistant.Core.Search;

namespace RagAssistant.Retrieval.Dense;

/// <summary>
/// Dense retrieval with the configured embedding model: the question is embedded as a query, then searched in a
/// <see cref="VectorIndex"/> holding the stored vectors of that model only (vectors of another model are never mixed
/// in; `rag reembed` converts them). The index is loaded on first use and reloaded when the store's vector signature
/// changes (chunks written, replaced or deleted, revisions re-marked), so it stays in step with ingestion.
/// </summary>
public sealed class DenseRetriever(
    IEmbeddingGenerator<string, Embedding<float>> generator,
    IChunkSearch store,
    IOptions<RetrievalOptions> options) : IDenseRetriever
{
    private readonly SemaphoreSlim _loadLock = new(1, 1);
    private readonly RetrievalOptions _options = options.Value;
    private VectorIndex? _index;
    private string? _signature;

    /// <summary>The model id the stored vectors must carry (the generator's).</summary>
    public string ModelId { get; } =
        generator.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId ?? throw new InvalidOperationException("the embedding generator does not name its model");

    /// <summary>
    /// Chinese-capable models by name (bge-*-zh, text2vec, multilingual/m3 models), unless
    /// <see cref="RetrievalOptions.DenseUnderstandsChinese"/> says otherwise.
    /// </summary>
    public bool UnderstandsChinese => _options.DenseUnderstandsChinese
        ?? ModelId.Contains("zh", StringComparison.OrdinalIgnoreCase) || ModelId.Contains("chinese", StringComparison.OrdinalIgnoreCase)
        || ModelId.Contains("multilingual", StringComparison.OrdinalIgnoreCase) || ModelId.Contains("m3", StringComparison.OrdinalIgnoreCase)
        || ModelId.Contains("text2vec", StringComparison.OrdinalIgnoreCase);

    public async Task<IReadOnlyList<ChunkHit>> SearchAsync(string query, SearchFilter filter, int top, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(query)) return [];
        var index = await EnsureIndexAsync(cancellationToken);
        if (index is null || index.Count == 0) return [];
        var embedding = await generator.GenerateAsync(query, EmbeddingPurpose.ForQuery(), cancellationToken);
        var identityKey = filter.Identity is null ? null : IdentityKeys.Of(filter.Identity);
        Func<VectorTag, bool>? allow = filter == SearchFilter.None ? null : tag =>
            (filter.Libraries is not { Count: > 0 } libraries || libraries.Contains(tag.Library))
            && (filter.Kinds is not { Count: > 0 } kinds || kinds.Contains(tag.Kind))
            && (identityKey is null || tag.IdentityKey == identityKey)
            && (!filter.CurrentOnly || !tag.Superseded);
        return index.Search(embedding.Vector.Span, top, allow);
    }

    private async Task<VectorIndex?> EnsureIndexAsync(CancellationToken ct)
    {
        var signature = await store.VectorSignatureAsync(ModelId, ct);
        if (_index is not null && signature == _signature) return _index;
        await _loadLock.WaitAsync(ct);
        try
        {
            if (_index is not null && signature == _signature) return _index;
            var vectors = await store.ReadVectorsAsync(ModelId, ct);
            if (vectors.Count == 0) return _index = null;
            var index = new VectorIndex(vectors[0].Vector.Length, _options.QuantizeAbove);
            foreach (var v in vectors.Where(v => v.Vector.Length == index.Dimension))
                index.Upsert(v.ChunkId, v.Vector, new VectorTag(v.Library, v.Kind, v.IdentityKey, v.Superseded));
            _signature = signature;
            return _index = index;
        }
        finally
        {
            _loadLock.Release();
        }
    }
}
