using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using RagAssistant.Core.Storage;
using RagAssistant.Web.Access;
using RagAssistant.Web.Ingestion;
using RagAssistant.Web.Maintenance;
using RagAssistant.Web.Limits;
using RagAssistant.Web.Security;

namespace RagAssistant.Web;

public static class WebServiceCollectionExtensions
{
    /// <summary>The web app's services: the access seam, the background ingestion queue, first-start ingestion, scheduled backups, UI language, limits on load.</summary>
    public static IServiceCollection AddRagWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebOptions>().Bind(configuration.GetSection(WebOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpContextAccessor();
        // Request bodies are limited per endpoint (Security/RequestBodyLimits: 64 KB, the upload Rag:Web:MaxQueuedBytes);
        // the form reader's own 128 MB would still refuse a batch of drawings or manuals, so it follows the upload's limit.
        services.AddOptions<FormOptions>().Configure<IOptions<WebOptions>>((o, web) => o.MultipartBodyLengthLimit = web.Value.MaxQueuedBytes);
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<CurrentAccess>();
        services.AddSingleton<Conversations.ExampleQuestions>();
        services.AddSingleton<IngestionQueue>();
        services.AddSingleton<DocumentWrites>();
        services.AddSingleton<Feedback.FeedbackReview>();
        services.AddHostedService(sp => sp.GetRequiredService<IngestionQueue>());
        services.AddHostedService<SampleCorpusLoader>();
        services.AddSingleton<RecentErrors>();
        services.AddOptions<BackupOptions>().Bind(configuration.GetSection(BackupOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<BackupStatus>();
        // Scheduled backups copy the SQLite file; a PostgreSQL knowledge base is backed up by its server (pg_dump, replicas).
        if (!StorageProvider.IsPostgres(configuration)) services.AddHostedService<ScheduledBackup>();
        services.AddRagTransportSecurity();
        services.AddRagLimits(configuration);
        return services;
    }
}
