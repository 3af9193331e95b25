using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.VectorData;
using RagAssistant.Core.Embeddings;
using RagAssistant.Core.Relevance;
using RagAssistant.Core.Search;
using RagAssistant.Core.Storage;
using RagAssistant.Retrieval.Dense;

namespace RagAssistant.Retrieval.VectorData;

/// <summary>
/// The knowledge base's chunks as a VectorData collection (<see cref="ChunkRecord.CollectionName"/>), so Semantic
/// Kernel code can search it like any connector. Read-only: chunks are written by ingestion, one document per
/// transaction with its FTS rows and revision flags, so <see cref="UpsertAsync(ChunkRecord, CancellationToken)"/> and
/// <see cref="DeleteAsync(long, CancellationToken)"/> throw <see cref="NotSupportedException"/>; ingest or delete the
/// document instead. Vector search runs over the same in-memory indexes as dense retrieval (<see cref="DenseModels"/>):
/// a question is embedded by the model that reads its language and searched in that model's index, a vector in the index
/// of the model with its dimension; the record's vector property is the primary model's. Filters are translated by
/// <see cref="ChunkFilterTranslator"/>.
/// </summary>
public sealed class SqliteChunkCollection(
    IEmbeddingGenerator<string, Embedding<float>> generator,
    DenseModels dense,
    IChunkSearch chunks,
    IChunkVectorStore vectors,
    QueryAnalyzer analyzer,
    IEnumerable<IEvidenceReranker> rerankers,
    IOptions<RetrievalOptions> options,
    IOptions<RelevanceOptions> relevance)
    : VectorStoreCollection<long, ChunkRecord>, IKeywordHybridSearchable<ChunkRecord>
{
    private const string ReadOnlyMessage =
        "Chunks are written by ingestion (one transaction per document, with its keyword index and revision flags); " +
        "ingest or delete the document instead of writing chunks through the VectorData collection.";

    private readonly RetrievalOptions _options = options.Value;
    private readonly RelevanceOptions _relevance = relevance.Value;
    private readonly IEvidenceReranker? _reranker = rerankers.FirstOrDefault();

    private readonly VectorStoreCollectionMetadata _metadata = new()
    {
        VectorStoreSystemName = SqliteVectorStore.SystemName,
        CollectionName = ChunkRecord.CollectionName,
    };

    /// <summary>The vector dimension of the configured model.</summary>
    public int Dimensions { get; } = generator.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelDimensions
        ?? throw new InvalidOperationException("the embedding generator does not state its vector dimension (EmbeddingGeneratorMetadata.DefaultModelDimensions)");

    /// <summary>The record schema, with the configured model's dimension.</summary>
    public VectorStoreCollectionDefinition Definition => ChunkRecord.Definition(Dimensions);

    public override string Name => ChunkRecord.CollectionName;

    /// <summary>Always true: the chunks table is created when the database is opened.</summary>
    public override Task<bool> CollectionExistsAsync(CancellationToken cancellationToken = default) => Task.FromResult(true);

    /// <summary>A no-op: the schema is migrated when the database is opened.</summary>
    public override Task EnsureCollectionExistsAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    /// <summary>Not supported: chunks belong to their documents.</summary>
    public override Task EnsureCollectionDeletedAsync(CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The chunks collection is the knowledge base itself and cannot be deleted; delete documents instead.");

    public override async Task<ChunkRecord?> GetAsync(long key, RecordRetrievalOptions? options = null, CancellationToken cancellationToken = default) =>
        (await LoadAsync([key], SearchFilter.None, options?.IncludeVectors == true, cancellationToken)).FirstOrDefault();

    public override async IAsyncEnumerable<ChunkRecord> GetAsync(
        IEnumerable<long> keys, RecordRetrievalOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var record in await LoadAsync(keys.ToList(), SearchFilter.None, options?.IncludeVectors == true, cancellationToken))
            yield return record;
    }

    /// <summary>Not supported: the store reads chunks by key or by search; a filter-only scan has no index.</summary>
    public override IAsyncEnumerable<ChunkRecord> GetAsync(
        Expression<Func<ChunkRecord, bool>> filter, int top, FilteredRecordRetrievalOptions<ChunkRecord>? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The chunks collection reads records by key or by search, not by filter alone.");

    /// <summary>Not supported: see the class summary.</summary>
    public override Task DeleteAsync(long key, CancellationToken cancellationToken = default) => throw new NotSupportedException(ReadOnlyMessage);

    /// <summary>Not supported: see the class summary.</summary>
    public override Task DeleteAsync(IEnumerable<long> keys, CancellationToken cancellationToken = default) => throw new NotSupportedException(ReadOnlyMessage);

    /// <summary>Not supported: see the class summary.</summary>
    public override Task UpsertAsync(ChunkRecord record, CancellationToken cancellationToken = default) => throw new NotSupportedException(ReadOnlyMessage);

    /// <summary>Not supported: see the class summary.</summary>
    public override Task UpsertAsync(IEnumerable<ChunkRecord> records, CancellationToken cancellationToken = default) => throw new NotSupportedException(ReadOnlyMessage);

    /// <summary>
    /// Exact (int8 first pass above the configured size) cosine top-k over the stored vectors of the configured model.
    /// <paramref name="searchValue"/> is a question (string, embedded as a query) or a vector
    /// (<see cref="ReadOnlyMemory{T}"/> of float, float[], <see cref="Embedding{T}"/> of float). Score = cosine.
    /// </summary>
    public override async IAsyncEnumerable<VectorSearchResult<ChunkRecord>> SearchAsync<TInput>(
        TInput searchValue, int top, VectorSearchOptions<ChunkRecord>? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        options ??= new();
        CheckVectorProperty(options.VectorProperty);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(top);
        var filter = ChunkFilterTranslator.Translate(options.Filter);
        var vector = await QueryVectorAsync(searchValue, cancellationToken);
        if (vector is null) yield break;
        var hits = (await DenseHitsAsync(vector.Value.Index, vector.Value.Vector, filter, top + options.Skip, cancellationToken)).Skip(options.Skip)
            .Where(h => options.ScoreThreshold is not { } threshold || h.Score >= threshold).ToList();
        foreach (var result in await ResultsAsync(hits, filter, options.IncludeVectors, cancellationToken))
            yield return result;
    }

    /// <summary>
    /// Keyword (FTS5 BM25 over <see cref="ChunkRecord.Context"/> and <see cref="ChunkRecord.Text"/>, the keywords
    /// segmented and glossary-expanded like a question) and vector candidates fused by weighted reciprocal rank fusion,
    /// as <see cref="HybridRetriever"/> does: keyword weight 1, each dense list its <see cref="Ranking.DenseListRule"/> weight.
    /// Score = the fused RRF score after the ranking rules (<see cref="Ranking.ChunkRules"/>: a superseded chunk's lowered
    /// unless the question or the keywords ask about changes or older revisions: the same fusion
    /// (<see cref="HybridFusion"/>) as <see cref="HybridRetriever"/>, evidence re-ordering included, so both rank alike (after
    /// re-ordering a score can exceed the one above it). Leave superseded chunks out
    /// with <c>!r.Superseded</c>.
    /// </summary>
    public async IAsyncEnumerable<VectorSearchResult<ChunkRecord>> HybridSearchAsync<TInput>(
        TInput searchValue, ICollection<string> keywords, int top, HybridSearchOptions<ChunkRecord>? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where TInput : notnull
    {
        options ??= new();
        CheckVectorProperty(options.VectorProperty);
        if (options.AdditionalProperty is not null && PropertyName(options.AdditionalProperty) is not (nameof(ChunkRecord.Text) or nameof(ChunkRecord.Context)))
            throw new NotSupportedException("The chunks collection's full-text property is Text (with Context, indexed together).");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(top);
        var filter = ChunkFilterTranslator.Translate(options.Filter);
        var candidates = Math.Max((top + options.Skip) * 5, _options.CandidatesPerRetriever);

        var query = analyzer.Analyze(string.Join(' ', keywords));
        IReadOnlyList<ChunkHit> keyword = query.IsEmpty ? [] :
            await chunks.KeywordSearchAsync(query.KeywordMatch, filter, candidates, cancellationToken);
        // A question is searched in every model's index as HybridRetriever does; a vector in its own model's index.
        IReadOnlyList<WeightedHits> denseLists;
        if (searchValue is string text)
            denseLists = string.IsNullOrWhiteSpace(text) ? [] : await dense.SearchAsync(analyzer.Analyze(text), filter, candidates, denseOnly: false, cancellationToken);
        else
        {
            var vector = await QueryVectorAsync(searchValue, cancellationToken);
            denseLists = vector is not { } v ? []
                : [new WeightedHits(v.Index.ModelId, await DenseHitsAsync(v.Index, v.Vector, filter, candidates, cancellationToken),
                    Ranking.DenseListRule.WeightOf(_relevance, EmbeddingModelInfo.NameOf(v.Index.ModelId), query.Language, v.Index.UnderstandsChinese))];
        }

        // The same fusion and revision demotion as HybridRetriever; the question (a string search value) or the
        // keywords asking about changes or older revisions keeps superseded text undemoted, as there.
        var asked = searchValue is string question ? analyzer.Analyze(question + " " + string.Join(' ', keywords)) : query;
        var fusionQuery = query with { AsksAboutRevisions = asked.AsksAboutRevisions || query.AsksAboutRevisions, Intent = asked.Intent };
        var ranked = (await HybridFusion.RankAsync(keyword, denseLists, fusionQuery, chunks, filter, _options, _relevance,
                _reranker, cancellationToken))
            .Skip(options.Skip).Take(top)
            .Where(x => options.ScoreThreshold is not { } threshold || x.Score >= threshold).ToList();
        var records = await RecordsAsync(ranked.Select(x => x.Chunk), options.IncludeVectors, cancellationToken);
        for (var i = 0; i < ranked.Count; i++)
            yield return new VectorSearchResult<ChunkRecord>(records[i], ranked[i].Score);
    }

    public override object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(VectorStoreCollectionMetadata) ? _metadata
            : serviceType == typeof(VectorStoreCollectionDefinition) ? Definition
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    /// <summary>The search value as a vector and the index to search it in.</summary>
    private async Task<(VectorIndexCache Index, ReadOnlyMemory<float> Vector)?> QueryVectorAsync<TInput>(TInput value, CancellationToken ct)
    {
        if (value is string text)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            var retriever = dense.RetrieverFor(text);
            return (retriever.Index, await retriever.EmbedQueryAsync(text, ct));
        }
        ReadOnlyMemory<float> vector = value switch
        {
            ReadOnlyMemory<float> memory => memory,
            float[] array => array,
            Embedding<float> embedding => embedding.Vector,
            _ => throw new NotSupportedException(
                $"The chunks collection searches by a string (embedded with the configured model) or a float vector, not by {typeof(TInput).Name}."),
        };
        var index = dense.Retrievers.FirstOrDefault(r => r.Model.Dimension == vector.Length)?.Index
            ?? (vector.Length == Dimensions ? dense.Primary.Index : null)
            ?? throw new ArgumentException($"the search vector has {vector.Length} dimensions, the collection's model {Dimensions}", nameof(value));
        return (index, vector);
    }

    private static async Task<IReadOnlyList<ChunkHit>> DenseHitsAsync(VectorIndexCache cache, ReadOnlyMemory<float> vector, SearchFilter filter, int count, CancellationToken ct)
    {
        var index = await cache.GetAsync(ct);
        return index is null || index.Count == 0 || index.Dimension != vector.Length ? [] : index.Search(vector.Span, count, VectorIndexCache.Allow(filter));
    }

    private async Task<List<VectorSearchResult<ChunkRecord>>> ResultsAsync(IReadOnlyList<ChunkHit> hits, SearchFilter filter, bool includeVectors, CancellationToken ct)
    {
        var records = (await LoadAsync(hits.Select(h => h.ChunkId).ToList(), filter, includeVectors, ct)).ToDictionary(r => r.Id);
        return hits.Where(h => records.ContainsKey(h.ChunkId)).Select(h => new VectorSearchResult<ChunkRecord>(records[h.ChunkId], h.Score)).ToList();
    }

    /// <summary>Records of the chunks that still exist and pass <paramref name="filter"/> (the search's filter, checked again on what is loaded).</summary>
    private async Task<IReadOnlyList<ChunkRecord>> LoadAsync(IReadOnlyCollection<long> ids, SearchFilter filter, bool includeVectors, CancellationToken ct) =>
        await RecordsAsync(await chunks.GetChunksAsync(ids, filter, ct), includeVectors, ct);

    private async Task<IReadOnlyList<ChunkRecord>> RecordsAsync(IEnumerable<RetrievedChunk> loaded, bool includeVectors, CancellationToken ct)
    {
        var records = new List<ChunkRecord>();
        foreach (var chunk in loaded)
        {
            ReadOnlyMemory<float>? embedding = null;
            // Only a vector of the configured model belongs in this collection's vector property.
            if (includeVectors && await vectors.GetVectorAsync(chunk.ChunkId, ct) is { } stored && stored.Model == dense.Primary.ModelId)
                embedding = stored.Values;
            records.Add(ChunkRecord.From(chunk, embedding));
        }
        return records;
    }

    private static void CheckVectorProperty(Expression<Func<ChunkRecord, object?>>? property)
    {
        if (property is not null && PropertyName(property) != ChunkRecord.EmbeddingProperty)
            throw new NotSupportedException($"The chunks collection's only vector property is {ChunkRecord.EmbeddingProperty}.");
    }

    private static string? PropertyName(Expression<Func<ChunkRecord, object?>> property) =>
        (property.Body is UnaryExpression { NodeType: ExpressionType.Convert } convert ? convert.Operand : property.Body) is MemberExpression member
            ? member.Member.Name
            : null;
}
