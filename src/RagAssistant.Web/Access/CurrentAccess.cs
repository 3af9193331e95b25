using Microsoft.AspNetCore.Components.Authorization;

namespace RagAssistant.Web.Access;

/// <summary>
/// The access scope of the user of this circuit, for pages and components. Read afresh on every call, so a grant
/// given or revoked by an administrator applies to this user's next question without signing in again.
/// </summary>
public sealed class CurrentAccess(AuthenticationStateProvider authentication, IAccessGate gate)
{
    public async ValueTask<AccessScope> GetAsync(CancellationToken cancellationToken = default)
    {
        var state = await authentication.GetAuthenticationStateAsync();
        return await gate.ScopeForAsync(state.User, cancellationToken);
    }
}
