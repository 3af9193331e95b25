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

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        // Set as the response starts, so they replace what antiforgery adds on pages (X-Frame-Options: SAMEORIGIN).
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            return Task.CompletedTask;
        });
        return next(context);
    });
}
