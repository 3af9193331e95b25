using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RagAssistant.Accounts;

namespace RagAssistant.Web.Accounts;

/// <summary>
/// Refuses a sign-in cookie on the first request after its security stamp stopped being the user's — signed out,
/// disabled, password reset, role changed — instead of at Identity's next periodic check (up to a minute later, and
/// the check a copied cookie was relying on). The price is one primary-key read per request with a cookie, cheap on
/// the local SQLite file; Identity's periodic validator still runs afterwards to refresh the cookie's claims.
/// </summary>
internal static class SessionStampCheck
{
    public static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal is not { } principal || !await IsCurrentAsync(context.HttpContext, principal))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }
        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }

    private static async Task<bool> IsCurrentAsync(HttpContext http, ClaimsPrincipal principal)
    {
        var services = http.RequestServices;
        var claims = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var id = principal.FindFirstValue(claims.UserIdClaimType);
        var stamp = principal.FindFirstValue(claims.SecurityStampClaimType);
        if (id is null || stamp is null) return false;
        await services.GetRequiredService<AccountsSchema>().EnsureAsync(http.RequestAborted);
        await using var context = await services.GetRequiredService<IDbContextFactory<AccountsDbContext>>().CreateDbContextAsync(http.RequestAborted);
        var user = await context.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new { u.SecurityStamp, u.Disabled }).FirstOrDefaultAsync(http.RequestAborted);
        return user is { Disabled: false } && user.SecurityStamp == stamp;
    }
}
