using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using RagAssistant.Accounts;

namespace RagAssistant.Web.Accounts;

public static class AccountEndpoints
{
    /// <summary>POST /Account/Logout (a form with an antiforgery token, from the app bar): signs out and goes to the sign-in page.</summary>
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/Account/Logout", async ([FromForm] string? returnUrl, HttpContext context, SignInManager<RagUser> signIn, AuditLog audit) =>
        {
            var name = context.User.Identity?.Name;
            await signIn.SignOutAsync();
            if (name is not null) await audit.WriteAsync(name, AuditActions.SignOut, name, address: context.Connection.RemoteIpAddress?.ToString());
            return Results.LocalRedirect(WebAccountsServiceCollectionExtensions.SignInPath);
        });
        return app;
    }
}
