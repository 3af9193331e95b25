using MudBlazor;
using MudBlazor.Services;

namespace RagAssistant.Web.Localization;

public static class LocalizationServiceCollectionExtensions
{
    /// <summary>
    /// The UI language per circuit and MudBlazor's words in it (<see cref="MudBlazorTextLocalizer"/>). Call after
    /// <c>AddMudServices</c>: it replaces MudBlazor's localization interceptor.
    /// </summary>
    public static IServiceCollection AddRagUiLanguage(this IServiceCollection services)
    {
        services.AddScoped<CurrentUiLanguage>();
        services.AddScoped<MudLocalizer, MudBlazorTextLocalizer>();
        // MudBlazor asks the localizer only when the thread's UI culture is not English, and the language here is the
        // circuit's, not the server's culture: on a server set to en-US the Chinese UI would show MudBlazor's English.
        // Ignoring that default makes it always ask; the localizer's "not found" still falls back to the built-in English.
        services.AddLocalizationInterceptor(sp =>
            new DefaultLocalizationInterceptor(sp.GetRequiredService<ILoggerFactory>(), sp.GetRequiredService<MudLocalizer>()) { IgnoreDefaultEnglish = true });
        return services;
    }
}
