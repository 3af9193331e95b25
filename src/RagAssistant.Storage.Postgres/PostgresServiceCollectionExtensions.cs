using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RagAssistant.Core.Search;
using RagAssistant.Core.Storage;
using RagAssistant.Core.Text;

namespace RagAssistant.Storage.Postgres;

public static class PostgresServiceCollectionExtensions
{
    /// <summary>
    /// Registers the PostgreSQL knowledge base (options from <c>Rag:Storage</c>), with the default segmenter and the
    /// system clock unless the host registered others. The knowledge-base stores (documents, chunk search, vectors) are registered here.
    /// </summary>
    public static IServiceCollection AddRagPostgresStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PostgresStorageOptions>()
            .Bind(configuration.GetSection(PostgresStorageOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<ITextSegmenter, IdentitySegmenter>();
        services.TryAddSingleton<PostgresDatabase>();
        services.TryAddSingleton<IDocumentStore, PostgresDocumentStore>();
        services.TryAddSingleton<IChunkSearch, PostgresChunkSearch>();
        services.TryAddSingleton<IChunkVectorStore, PostgresChunkVectorStore>();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
