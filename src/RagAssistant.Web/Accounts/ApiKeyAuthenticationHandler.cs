using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using RagAssistant.Accounts;

namespace RagAssistant.Web.Accounts;

/// <summary>
/// Signs in API callers (MES, PLM, scripts) by a per-user key sent as <c>X-Api-Key: rag_…</c> or
/// <c>Authorization: Bearer rag_…</c>. A missing, unknown, revoked or expired key, or a disabled user, is a 401 with a JSON reason.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeys keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";

    /// <summary>True when the request carries a key (so the API-key scheme, not the cookie, decides who it is).</summary>
    public static bool HasKey(HttpRequest request) => PresentedKey(request) is not null;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (PresentedKey(Request) is not { } presented) return AuthenticateResult.NoResult();
        var check = await keys.CheckAsync(presented, Context.RequestAborted);
        if (check.User is not { } user) return AuthenticateResult.Fail(check.Refusal ?? ApiKeys.UnknownKey);
        var principal = await Context.RequestServices.GetRequiredService<IUserClaimsPrincipalFactory<RagUser>>().CreateAsync(user);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        var refusal = (await HandleAuthenticateOnceSafeAsync()).Failure?.Message ?? ApiKeys.UnknownKey;
        await ApiProblem.WriteAsync(Context, StatusCodes.Status401Unauthorized, refusal);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiProblem.WriteAsync(Context, StatusCodes.Status403Forbidden, "this account may not do that");

    private static string? PresentedKey(HttpRequest request)
    {
        if (request.Headers[Header].FirstOrDefault() is { Length: > 0 } header) return header.Trim();
        var authorization = request.Headers.Authorization.FirstOrDefault();
        return authorization is not null && authorization.StartsWith("Bearer " + ApiKeys.KeyPrefix, StringComparison.Ordinal)
            ? authorization["Bearer ".Length..].Trim()
            : null;
    }
}
