namespace RagAssistant.Web.Security;

/// <summary>
/// Response headers every page and endpoint carries. The content security policy allows nothing off the app's origin
/// (plants are offline, and a quoted document must never pull anything in) and no inline script; inline styles stay
/// allowed because MudBlazor sets them, and 'wasm-unsafe-eval' because pdf.js decodes some images with WebAssembly.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; " +
        "form-action 'self'; frame-ancestors 'none'";

    private static readonly object PolicyKey = new();

    /// <summary>
    /// Sends <paramref name="policy"/> instead of the page policy on this response (the original files: a sandbox).
    /// Kept aside rather than set on the response, since the policy is (re)written as the response starts, after
    /// whatever the endpoint and Blazor (its <c>frame-ancestors 'self'</c>) set.
    /// </summary>
    public static void ReplacePolicy(HttpContext context, string policy) => context.Items[PolicyKey] = policy;

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        // Set as the response starts, so they replace what antiforgery adds on pages (X-Frame-Options: SAMEORIGIN).
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = context.Items[PolicyKey] as string ?? ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            return Task.CompletedTask;
        });
        return next(context);
    });
}
