namespace RagAssistant.Web.Limits;

public static class LimitsServiceCollectionExtensions
{
    /// <summary>Per-user rates of questions and uploads and the bound on answers at once (<see cref="LimitsOptions"/>), checked at start.</summary>
    public static IServiceCollection AddRagLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LimitsOptions>().Bind(configuration.GetSection(LimitsOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<UserRateLimits>();
        services.AddSingleton<AnswerAdmission>();
        return services;
    }
}
