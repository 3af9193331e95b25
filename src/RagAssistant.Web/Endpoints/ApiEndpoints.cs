namespace RagAssistant.Web.Endpoints;

public static class ApiEndpoints
{
    /// <summary>The HTTP API under /api, and the language switch. Every /api handler goes through the access seam.</summary>
    public static IEndpointRouteBuilder MapApiEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        api.MapPost("/ask", AskEndpoint.HandleAsync).DisableAntiforgery(); // for other systems; CrossSiteRequestGuard keeps other sites out
        DocumentEndpoints.Map(api);
        FeedbackEndpoints.Map(api);
        ConversationEndpoints.Map(api);
        app.MapLanguageEndpoints();
        return app;
    }
}
