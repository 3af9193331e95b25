using System.Reflection;

namespace RagAssistant.Web.Endpoints;

public static class HealthEndpoints
{
    /// <summary>
    /// GET /healthz: answers as soon as the app listens, without touching the model or the database (a probe must not
    /// wait for the first ingestion); the status page shows the deeper state. Anonymous, outside the access seam.
    /// </summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        var version = typeof(HealthEndpoints).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "dev";
        app.MapGet("/healthz", () => TypedResults.Json(new HealthJson("ok", version), ApiJsonContext.Relaxed.HealthJson)).AllowAnonymous();
        return app;
    }
}
