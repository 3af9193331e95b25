using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using RagAssistant.Web.Access;
using RagAssistant.Web.Ingestion;
using RagAssistant.Web.Security;

namespace RagAssistant.Web;

public static class WebServiceCollectionExtensions
{
    /// <summary>The web app's services: the access seam, the background ingestion queue, first-start ingestion, UI language.</summary>
    public static IServiceCollection AddRagWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebOptions>().Bind(configuration.GetSection(WebOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpContextAccessor();
        // Kestrel's 30 MB request limit and the form reader's 128 MB would refuse a batch of drawings or manuals.
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<WebOptions>>((o, web) => o.Limits.MaxRequestBodySize = web.Value.MaxQueuedBytes);
        services.AddOptions<FormOptions>().Configure<IOptions<WebOptions>>((o, web) => o.MultipartBodyLengthLimit = web.Value.MaxQueuedBytes);
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<CurrentAccess>();
        services.AddSingleton<IngestionQueue>();
        services.AddSingleton<DocumentWrites>();
        services.AddHostedService(sp => sp.GetRequiredService<IngestionQueue>());
        services.AddHostedService<SampleCorpusLoader>();
        services.AddSingleton<RecentErrors>();
        services.AddRagTransportSecurity();
        return services;
    }
}
