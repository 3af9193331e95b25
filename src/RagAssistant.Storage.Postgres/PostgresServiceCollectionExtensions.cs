using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using RagAssistant.Core.Answers;
using RagAssistant.Core.Feedback;
using RagAssistant.Core.Jobs;
using RagAssistant.Core.Search;
using RagAssistant.Core.Storage;
using RagAssistant.Core.Text;

namespace RagAssistant.Storage.Postgres;

public static class PostgresServiceCollectionExtensions
{
    /// <summary>
    /// Registers the PostgreSQL knowledge base (options from <c>Rag:Storage</c>), with the default segmenter and the
    /// system clock unless the host registered others: documents, chunk search, vectors, nearest-neighbour search by the
    /// HNSW indexes, conversations, feedback and ingestion jobs.
    /// </summary>
    public static IServiceCollection AddRagPostgresStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PostgresStorageOptions>()
            .Bind(configuration.GetSection(PostgresStorageOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<ITextSegmenter, IdentitySegmenter>();
        services.TryAddSingleton<PostgresDatabase>();
        services.TryAddSingleton(sp => new KnowledgeBaseLocation(sp.GetRequiredService<PostgresDatabase>().Name, BackedUpByServer: true));
        services.TryAddSingleton<IDocumentStore, PostgresDocumentStore>();
        services.TryAddSingleton<IChunkSearch, PostgresChunkSearch>();
        services.TryAddSingleton<IChunkVectorStore, PostgresChunkVectorStore>();
        // Dense search by the HNSW indexes, used when Rag:Retrieval:DenseIndex is "database".
        services.TryAddSingleton<INearestChunks>(sp => new PostgresNearestChunks(
            sp.GetRequiredService<PostgresDatabase>(), sp.GetRequiredService<IOptions<PostgresStorageOptions>>().Value.HnswEfSearch));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IConversationStore, PostgresConversationStore>();
        services.TryAddSingleton<IFeedbackStore, PostgresFeedbackStore>();
        services.TryAddSingleton<IIngestJobStore, PostgresIngestJobStore>();
        return services;
    }
}
