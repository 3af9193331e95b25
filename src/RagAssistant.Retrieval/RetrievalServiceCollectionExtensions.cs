using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using RagAssistant.Core.Relevance;
using RagAssistant.Core.Search;
using RagAssistant.Core.Text;
using RagAssistant.Retrieval.Text;

namespace RagAssistant.Retrieval;

public static class RetrievalServiceCollectionExtensions
{
    /// <summary>
    /// Registers query analysis, the glossary, hybrid retrieval (with dense search and the VectorData store when embeddings are registered before) and the manufacturing segmenter, which replaces the
    /// identity segmenter for the keyword index (options from <c>Rag:Retrieval</c>).
    /// </summary>
    public static IServiceCollection AddRagRetrieval(this IServiceCollection services, IConfiguration configuration)
    {
        // The store is registered first (AddRagStorage or AddRagPostgresStorage): only one with its own index offers it.
        var storeSearchesVectors = services.Any(d => d.ServiceType == typeof(INearestChunks));
        services.AddOptions<RetrievalOptions>()
            .Bind(configuration.GetSection(RetrievalOptions.Section))
            .ValidateDataAnnotations()
            // DataAnnotations do not reach nested options; the MMR section is checked here with the same ranges.
            .Validate(o => o.Mmr is { Lambda: >= 0 and <= 1, PoolSize: >= 1 and <= 1000 },
                "Rag:Retrieval:Mmr: Lambda must be between 0 and 1 and PoolSize between 1 and 1000")
            .Validate(o => o.DenseIndex != Dense.DenseIndexKind.Database || storeSearchesVectors,
                "Rag:Retrieval:DenseIndex is 'database', which only the PostgreSQL knowledge base offers (Rag:Storage:Provider = postgres); "
                + "with SQLite use 'memory' (the default)")
            .ValidateOnStart();
        services.AddRagRelevance(configuration);
        services.TryAddSingleton<ManufacturingSegmenter>();
        services.Replace(ServiceDescriptor.Singleton<ITextSegmenter>(sp => sp.GetRequiredService<ManufacturingSegmenter>()));
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<RetrievalOptions>>().Value;
            var builtIn = Path.Combine(AppContext.BaseDirectory, "rag-resources", "glossary-zh-en.tsv");
            return Glossary.Load((File.Exists(builtIn) ? [builtIn] : Array.Empty<string>()).Concat(options.Glossaries));
        });
        services.TryAddSingleton<QueryAnalyzer>();
        // Dense search joins when an embedding generator is registered (call AddRagEmbeddings first); keyword search
        // works without one.
        if (services.Any(d => d.ServiceType == typeof(Microsoft.Extensions.AI.IEmbeddingGenerator<string, Microsoft.Extensions.AI.Embedding<float>>)))
        {
            // One dense retriever and index per embedding model (the built-in pair: English and Chinese).
            services.TryAddSingleton<Dense.DenseModels>();
            services.TryAddSingleton<RagAssistant.Core.Search.IDenseRetriever>(sp => sp.GetRequiredService<Dense.DenseModels>().Primary);
            // The knowledge base as a VectorData store, for Semantic Kernel code (one collection, "chunks").
            services.TryAddSingleton<VectorData.SqliteChunkCollection>();
            services.TryAddSingleton<Microsoft.Extensions.VectorData.VectorStore, VectorData.SqliteVectorStore>();
        }
        services.TryAddSingleton<HybridRetriever>();
        services.TryAddSingleton<IHybridSearch>(sp => sp.GetRequiredService<HybridRetriever>());
        services.TryAddSingleton<IQueryAnalyzer>(sp => sp.GetRequiredService<QueryAnalyzer>());
        services.TryAddSingleton<Evaluation.EvalRunner>();
        return services;
    }
}
