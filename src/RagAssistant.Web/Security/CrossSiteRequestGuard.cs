using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;
using RagAssistant.Web.Accounts;

namespace RagAssistant.Web.Security;

/// <summary>
/// Refuses state-changing requests that another site makes with a user's sign-in cookie. The JSON API has no
/// antiforgery token (other systems call it), and SameSite=Lax does not help: a page on another port of the same host
/// is the same site, so its fetch(…, {mode: 'no-cors', credentials: 'include'}) carries the cookie. So a POST, PUT,
/// PATCH or DELETE signed in by the cookie must carry a valid antiforgery token (header) or come from the app's own
/// origin: <c>Sec-Fetch-Site</c> is <c>same-origin</c> (or <c>none</c>, typed by the user); where a browser sends no
/// <c>Sec-Fetch-Site</c>, <c>Origin</c> — or failing that <c>Referer</c> — is the request's own scheme://host:port. A
/// cookie request with none of these is refused too: every browser sends one of them on a cross-origin write.
/// Exempt: requests presenting an API key (a browser cannot add that header cross-site without a CORS preflight, which
/// the app never grants), anonymous ones (authorization answers them) and endpoints that already require an
/// antiforgery token (the sign-in and sign-out forms, pages), which antiforgery answers itself.
/// </summary>
public static class CrossSiteRequestGuard
{
    public static IApplicationBuilder UseCrossSiteRequestGuard(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (IsGuarded(context) && await RefusalAsync(context) is { } reason)
        {
            await ApiProblem.WriteAsync(context, StatusCodes.Status403Forbidden, $"cross-site request refused: {reason}");
            return;
        }
        await next(context);
    });

    private static bool IsGuarded(HttpContext context) =>
        !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
          || HttpMethods.IsOptions(context.Request.Method) || HttpMethods.IsTrace(context.Request.Method))
        && context.User.Identity?.IsAuthenticated == true
        && !ApiKeyAuthenticationHandler.HasKey(context.Request)
        && context.GetEndpoint()?.Metadata.GetMetadata<IAntiforgeryMetadata>() is not { RequiresValidation: true };

    /// <summary>Why the request is not from the app's own origin, or null when it is (or carries a valid token).</summary>
    private static async Task<string?> RefusalAsync(HttpContext context)
    {
        var request = context.Request;
        var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
        var tokenHeader = context.RequestServices.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.HeaderName;
        // Only a token in the header is looked at: a form field would mean reading (and buffering) the body here.
        if (tokenHeader is not null && request.Headers.ContainsKey(tokenHeader) && await antiforgery.IsRequestValidAsync(context)) return null;

        var own = $"{request.Scheme}://{request.Host}";
        if (request.Headers["Sec-Fetch-Site"].FirstOrDefault() is { Length: > 0 } site)
            return site is "same-origin" or "none" ? null : $"Sec-Fetch-Site is '{site}', not same-origin";
        if (request.Headers.Origin.FirstOrDefault() is { Length: > 0 } origin)
            return string.Equals(origin, own, StringComparison.OrdinalIgnoreCase) ? null : $"Origin '{origin}' is not this app ({own})";
        if (request.Headers.Referer.FirstOrDefault() is { Length: > 0 } referer)
            return Uri.TryCreate(referer, UriKind.Absolute, out var from)
                   && string.Equals(from.GetLeftPart(UriPartial.Authority), own, StringComparison.OrdinalIgnoreCase)
                ? null
                : $"Referer '{referer}' is not this app ({own})";
        return "a request signed in by the cookie must come from this app's pages (no Sec-Fetch-Site, Origin or Referer header), "
               + "or carry an API key";
    }
}
