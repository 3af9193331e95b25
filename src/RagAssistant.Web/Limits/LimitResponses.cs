using RagAssistant.Web.Endpoints;

namespace RagAssistant.Web.Limits;

/// <summary>The API's answer to a refused request: 429 or 503, <c>Retry-After</c> in seconds, and the <c>{"error"}</c> body naming the limit.</summary>
internal static class LimitResponses
{
    public static Task WriteAsync(HttpContext context, LimitRefusal refusal) => Result(refusal).ExecuteAsync(context);

    public static IResult Result(LimitRefusal refusal) => new RetryAfterResult(refusal);

    /// <summary>The JSON error with its Retry-After header, as a result a minimal-API handler can return.</summary>
    private sealed class RetryAfterResult(LimitRefusal refusal) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = refusal.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.Json(new LimitErrorJson(refusal.Message, refusal.Setting, refusal.RetryAfterSeconds),
                ApiJsonContext.Relaxed.LimitErrorJson, statusCode: refusal.StatusCode).ExecuteAsync(httpContext);
        }
    }
}
