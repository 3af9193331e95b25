using System.Security.Claims;
using RagAssistant.Accounts;
using RagAssistant.Web.Access;

namespace RagAssistant.Web.Accounts;

/// <summary>
/// The access seam with accounts: a signed-in user's scope comes from their role and library grants, read fresh on
/// every call (a grant or a disablement applies to the next question, not the next sign-in); anonymous reads nothing.
/// </summary>
public sealed class AccountAccessGate(AccessResolver resolver) : IAccessGate
{
    public async ValueTask<AccessScope> ScopeForAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (user.Identity?.IsAuthenticated != true || user.FindFirstValue(ClaimTypes.NameIdentifier) is not { } id) return AccessScope.Nobody("anonymous");
        return await resolver.ForUserIdAsync(id, cancellationToken);
    }
}
