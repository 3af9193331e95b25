using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RagAssistant.Core.Answers;
using RagAssistant.Core.Storage;
using RagAssistant.Core.Text;

namespace RagAssistant.Storage.Sqlite;

public static class StorageServiceCollectionExtensions
{
    /// <summary>Registers the SQLite knowledge base (options from <c>Rag:Storage</c>): documents, chunk search, vectors and
    /// conversations, backup and check, with the default segmenter and the system clock unless the host registered others.</summary>
    public static IServiceCollection AddRagStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SqliteStorageOptions>()
            .Bind(configuration.GetSection(SqliteStorageOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<ITextSegmenter, IdentitySegmenter>();
        services.TryAddSingleton<SqliteDatabase>();
        services.TryAddSingleton(sp => new KnowledgeBaseLocation(sp.GetRequiredService<SqliteDatabase>().DatabasePath, BackedUpByServer: false));
        services.TryAddSingleton<IDocumentStore, SqliteDocumentStore>();
        services.TryAddSingleton<RagAssistant.Core.Search.IChunkSearch, SqliteChunkSearch>();
        services.TryAddSingleton<IChunkVectorStore, SqliteChunkVectorStore>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IConversationStore, SqliteConversationStore>();
        services.TryAddSingleton<RagAssistant.Core.Feedback.IFeedbackStore, SqliteFeedbackStore>();
        services.TryAddSingleton<RagAssistant.Core.Jobs.IIngestJobStore, SqliteIngestJobStore>();
        services.TryAddSingleton<KnowledgeBaseBackup>();
        services.TryAddSingleton<KnowledgeBaseCheck>();
        return services;
    }
}
