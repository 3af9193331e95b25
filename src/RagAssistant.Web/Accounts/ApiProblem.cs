using RagAssistant.Web.Endpoints;

namespace RagAssistant.Web.Accounts;

/// <summary>The API's <c>{"error"}</c> body for authentication answers (a body, so the status-code page does not replace it).</summary>
internal static class ApiProblem
{
    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    public static Task WriteAsync(HttpContext context, int status, string message) =>
        TypedResults.Json(new ApiError(message), ApiJsonContext.Relaxed.ApiError, statusCode: status).ExecuteAsync(context);
}
