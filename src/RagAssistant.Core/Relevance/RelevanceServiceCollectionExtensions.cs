using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace RagAssistant.Core.Relevance;

public static class RelevanceServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="RelevanceOptions"/> from <c>Rag:Relevance</c>, validated at start (retrieval and answering both
    /// call it; the second call adds nothing).
    /// </summary>
    public static IServiceCollection AddRagRelevance(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(d => d.ServiceType == typeof(RelevanceOptionsMarker))) return services;
        services.AddSingleton<RelevanceOptionsMarker>();
        services.AddOptions<RelevanceOptions>()
            .Bind(configuration.GetSection(RelevanceOptions.Section))
            .ValidateDataAnnotations()
            // DataAnnotations do not reach dictionary values: each dense list's weights are checked here with the same range.
            .Validate(o => o.DenseLists.Values.All(w => w.En is >= 0 and <= 5 && w.Zh is >= 0 and <= 5),
                "Rag:Relevance:DenseLists: every En and Zh weight must be between 0 and 5")
            .ValidateOnStart();
        return services;
    }

    private sealed class RelevanceOptionsMarker;
}
