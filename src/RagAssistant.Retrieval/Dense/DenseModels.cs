using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using RagAssistant.Core.Embeddings;
using RagAssistant.Core.Relevance;
using RagAssistant.Core.Search;
using RagAssistant.Core.Text;

namespace RagAssistant.Retrieval.Dense;

/// <summary>
/// The dense side of retrieval: one <see cref="DenseRetriever"/> (and in-memory index) per embedding model of the
/// knowledge base — with the built-in pair, all-MiniLM-L6-v2 over English chunks and bge-small-zh-v1.5 over Chinese and
/// mixed ones. A question searches every index its words can reach (<see cref="EmbeddingModelInfo.QueryTextFor"/>): directly when the model
/// embeds the question's language, else through the glossary translation; each list enters fusion with the weight of its
/// model and the question's language (<see cref="Ranking.DenseListRule"/>).
/// </summary>
public sealed class DenseModels
{
    public DenseModels(IEmbeddingGenerator<string, Embedding<float>> generator, IChunkSearch store, IOptions<RetrievalOptions> options,
        IOptions<RelevanceOptions> relevance, INearestChunks? nearest = null)
    {
        // Rag:Retrieval:DenseIndex = database: the store's index answers (AddRagRetrieval refuses it for a store without one).
        var database = options.Value.DenseIndex == DenseIndexKind.Database ? nearest : null;
        // The generator names its models (ours: the provider); one that does not is a single model.
        var catalog = _catalog = generator.GetService<IEmbeddingModelCatalog>();
        IReadOnlyList<EmbeddingModelInfo> models;
        if (catalog is not null) models = catalog.Models;
        else
        {
            // A generator that is not ours (a test double, a remote service): one model, named by its metadata.
            var metadata = generator.GetService<EmbeddingGeneratorMetadata>();
            var id = metadata?.DefaultModelId ?? throw new InvalidOperationException("the embedding generator does not name its model");
            models = [new EmbeddingModelInfo(id, EmbeddingModelInfo.NameOf(id), metadata.DefaultModelDimensions ?? 0, ["en", "zh"], ReadsChineseByName(id))];
        }
        Relevance = relevance.Value;
        Retrievers = models.Select(m => new DenseRetriever(generator,
                new VectorIndexCache(m.Id, m.ReadsChinese, store, options, Relevance.DenseUnderstandsChinese), m, catalog is not null && models.Count > 1, database))
            .ToList();
    }

    private readonly IEmbeddingModelCatalog? _catalog;

    private RelevanceOptions Relevance { get; }

    /// <summary>One retriever per model, the primary model's first.</summary>
    public IReadOnlyList<DenseRetriever> Retrievers { get; }

    public DenseRetriever Primary => Retrievers[0];

    /// <summary>
    /// Each model's dense list for <paramref name="query"/> with its fusion weight; models whose weight for the question's
    /// language is 0, or that the question's words cannot reach, are not searched. <paramref name="denseOnly"/> (dense
    /// retrieval alone, no keyword list) searches every model the question reaches, each list with its hybrid weight, so
    /// dense retrieval differs from hybrid only by the missing keyword list (the coverage list still re-orders the
    /// candidates, as it always did).
    /// </summary>
    public async Task<IReadOnlyList<WeightedHits>> SearchAsync(AnalyzedQuery query, SearchFilter filter, int top, bool denseOnly, CancellationToken cancellationToken)
    {
        var lists = new List<WeightedHits>();
        foreach (var retriever in Retrievers)
        {
            var weight = Ranking.DenseListRule.WeightOf(Relevance, retriever.Model.Name, query.Language, retriever.UnderstandsChinese);
            if (weight <= 0 && !denseOnly) continue;
            var text = retriever.Model.QueryTextFor(query);
            if (text is null) continue;
            lists.Add(new WeightedHits(retriever.ModelId, await retriever.SearchAsync(text, filter, top, cancellationToken), weight));
        }
        return lists;
    }

    /// <summary>The retriever of the model that embeds <paramref name="question"/>'s language (the primary one when none does).</summary>
    public DenseRetriever RetrieverFor(string question)
    {
        var model = _catalog?.ModelForLanguage(TextLanguage.Of(question));
        return Retrievers.FirstOrDefault(r => r.ModelId == model) ?? Primary;
    }

    /// <summary>The stored vectors of <paramref name="chunkIds"/>, each from the index of the model that embedded it.</summary>
    public async Task<IReadOnlyDictionary<long, float[]>> GetVectorsAsync(IReadOnlyCollection<long> chunkIds, CancellationToken cancellationToken)
    {
        var vectors = new Dictionary<long, float[]>();
        foreach (var retriever in Retrievers)
            foreach (var (id, vector) in await retriever.GetVectorsAsync(chunkIds, cancellationToken))
                vectors.TryAdd(id, vector);
        return vectors;
    }

    /// <summary>Chinese-capable models by name (bge-*-zh, text2vec, multilingual/m3 models), for generators that are not ours.</summary>
    private static bool ReadsChineseByName(string id) =>
        id.Contains("zh", StringComparison.OrdinalIgnoreCase) || id.Contains("chinese", StringComparison.OrdinalIgnoreCase)
        || id.Contains("multilingual", StringComparison.OrdinalIgnoreCase) || id.Contains("m3", StringComparison.OrdinalIgnoreCase)
        || id.Contains("text2vec", StringComparison.OrdinalIgnoreCase);
}

/// <summary>One model's dense list and its weight in fusion.</summary>
public sealed record WeightedHits(string ModelId, IReadOnlyList<ChunkHit> Hits, double Weight);
