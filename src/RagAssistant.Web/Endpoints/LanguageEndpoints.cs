using RagAssistant.Web.Localization;

namespace RagAssistant.Web.Endpoints;

/// <summary>The UI preferences a person switches in the top bar, each remembered in a cookie.</summary>
public static class LanguageEndpoints
{
    /// <summary>
    /// GET /language/{zh|en}?returnUrl=/… and GET /theme/{light|dark}?returnUrl=/…: remember the UI language or colour
    /// scheme in a cookie and go back (local URLs only). A reload, not a circuit update: the page host reads both once.
    /// </summary>
    public static IEndpointRouteBuilder MapLanguageEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/language/{code}", (string code, string? returnUrl, HttpContext context) =>
            Remember(context, UiLanguages.Cookie, UiLanguages.FromCookie(code), returnUrl)).AllowAnonymous(); // the sign-in page has the switch too
        app.MapGet("/theme/{name}", (string name, string? returnUrl, HttpContext context) =>
            Remember(context, UiThemes.Cookie, UiThemes.FromCookie(name), returnUrl)).AllowAnonymous();
        return app;
    }

    private static IResult Remember(HttpContext context, string cookie, string value, string? returnUrl)
    {
        context.Response.Cookies.Append(cookie, value, new CookieOptions
        {
            MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true,
        });
        return Results.LocalRedirect(LocalUrl.OrHome(returnUrl));
    }
}
