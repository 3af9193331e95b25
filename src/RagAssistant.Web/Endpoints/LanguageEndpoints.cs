using RagAssistant.Web.Localization;

namespace RagAssistant.Web.Endpoints;

public static class LanguageEndpoints
{
    /// <summary>GET /language/{zh|en}?returnUrl=/…: remembers the UI language in a cookie and goes back (local URLs only).</summary>
    public static IEndpointRouteBuilder MapLanguageEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/language/{code}", (string code, string? returnUrl, HttpContext context) =>
        {
            context.Response.Cookies.Append(UiLanguages.Cookie, UiLanguages.FromCookie(code), new CookieOptions
            {
                MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true,
            });
            return Results.LocalRedirect(LocalUrl.OrHome(returnUrl));
        }).AllowAnonymous(); // the sign-in page has the switch too
        return app;
    }
}
