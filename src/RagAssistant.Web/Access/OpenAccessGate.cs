using System.Security.Claims;

namespace RagAssistant.Web.Access;

/// <summary>
/// The single-user default until sign-in exists: everyone may read, upload and delete in every library. Replacing this
/// one class with a grant-checking gate is how per-library access comes in.
/// </summary>
public sealed class OpenAccessGate : IAccessGate
{
    private static readonly AccessScope Everything = new("local", ReadableLibraries: null, WritableLibraries: null, IsAdministrator: true);

    public ValueTask<AccessScope> ScopeForAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(user.Identity?.IsAuthenticated == true && user.Identity.Name is { } name ? Everything with { User = name } : Everything);
}
