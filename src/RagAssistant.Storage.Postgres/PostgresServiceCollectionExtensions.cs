using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RagAssistant.Core.Answers;
using RagAssistant.Core.Feedback;
using RagAssistant.Core.Jobs;
using RagAssistant.Core.Text;

namespace RagAssistant.Storage.Postgres;

public static class PostgresServiceCollectionExtensions
{
    /// <summary>
    /// Registers the PostgreSQL knowledge base (options from <c>Rag:Storage</c>), with the default segmenter and the
    /// system clock unless the host registered others. The conversation, feedback and ingestion-job stores are registered; the knowledge-base stores as they are built (#27).
    /// </summary>
    public static IServiceCollection AddRagPostgresStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PostgresStorageOptions>()
            .Bind(configuration.GetSection(PostgresStorageOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<ITextSegmenter, IdentitySegmenter>();
        services.TryAddSingleton<PostgresDatabase>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IConversationStore, PostgresConversationStore>();
        services.TryAddSingleton<IFeedbackStore, PostgresFeedbackStore>();
        services.TryAddSingleton<IIngestJobStore, PostgresIngestJobStore>();
        return services;
    }
}
