using Microsoft.AspNetCore.Components.Authorization;

namespace RagAssistant.Web.Access;

/// <summary>The access scope of the user of this circuit, for pages and components.</summary>
public sealed class CurrentAccess(AuthenticationStateProvider authentication, IAccessGate gate)
{
    private AccessScope? _scope;

    public async ValueTask<AccessScope> GetAsync(CancellationToken cancellationToken = default)
    {
        if (_scope is not null) return _scope;
        var state = await authentication.GetAuthenticationStateAsync();
        return _scope = await gate.ScopeForAsync(state.User, cancellationToken);
    }
}
