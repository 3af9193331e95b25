using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using RagAssistant.Accounts;
using RagAssistant.Web.Security;

namespace RagAssistant.Web.Accounts;

public static class AccountEndpoints
{
    /// <summary>
    /// POST /Account/Logout (a form with an antiforgery token, from the app bar): signs out and goes to the sign-in page.
    /// The user's security stamp changes, so every copy of the session cookie stops working at once — and the user's
    /// sessions in other browsers end too: one cookie cannot be told from its copies.
    /// </summary>
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/Account/Logout", async ([FromForm] string? returnUrl, HttpContext context, SignInManager<RagUser> signIn,
            UserManager<RagUser> users, AuditLog audit) =>
        {
            var name = context.User.Identity?.Name;
            if (await users.GetUserAsync(context.User) is { } user) await users.UpdateSecurityStampAsync(user);
            await signIn.SignOutAsync();
            if (name is not null) await audit.WriteAsync(name, AuditActions.SignOut, name, address: ClientAddress.Of(context));
            return Results.LocalRedirect(WebAccountsServiceCollectionExtensions.SignInPath);
        });
        return app;
    }
}
