using Microsoft.Extensions.DependencyInjection.Extensions;
using RagAssistant.Web.Access;
using RagAssistant.Web.Ingestion;

namespace RagAssistant.Web;

public static class WebServiceCollectionExtensions
{
    /// <summary>The web app's services: the access seam, the background ingestion queue, first-start ingestion, UI language.</summary>
    public static IServiceCollection AddRagWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebOptions>().Bind(configuration.GetSection(WebOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpContextAccessor();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IAccessGate, OpenAccessGate>();
        services.AddScoped<CurrentAccess>();
        services.AddSingleton<IngestionQueue>();
        services.AddHostedService(sp => sp.GetRequiredService<IngestionQueue>());
        services.AddHostedService<SampleCorpusLoader>();
        services.AddSingleton<RecentErrors>();
        return services;
    }
}
