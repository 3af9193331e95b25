using System.Security.Claims;

namespace RagAssistant.Web.Access;

/// <summary>
/// The access seam: turns a signed-in (or anonymous) user into an <see cref="AccessScope"/>. Pages go through
/// <see cref="CurrentAccess"/>, HTTP endpoints through <see cref="AccessHttpContextExtensions.AccessAsync"/>; both end here.
/// </summary>
public interface IAccessGate
{
    ValueTask<AccessScope> ScopeForAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default);
}
