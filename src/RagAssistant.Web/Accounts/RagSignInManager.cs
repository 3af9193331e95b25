using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using RagAssistant.Accounts;

namespace RagAssistant.Web.Accounts;

/// <summary>Identity's sign-in, refusing disabled accounts (a disabled user's password sign-in is "not allowed").</summary>
public sealed class RagSignInManager(
    UserManager<RagUser> users, IHttpContextAccessor context, IUserClaimsPrincipalFactory<RagUser> claims, IOptions<IdentityOptions> options,
    ILogger<SignInManager<RagUser>> logger, IAuthenticationSchemeProvider schemes, IUserConfirmation<RagUser> confirmation)
    : SignInManager<RagUser>(users, context, claims, options, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(RagUser user) => !user.Disabled && await base.CanSignInAsync(user);
}
