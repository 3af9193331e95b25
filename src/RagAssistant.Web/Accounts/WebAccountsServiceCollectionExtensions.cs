using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using RagAssistant.Accounts;
using RagAssistant.Web.Access;
using RagAssistant.Web.Security;

namespace RagAssistant.Web.Accounts;

public static class WebAccountsServiceCollectionExtensions
{
    /// <summary>The scheme that picks the API key when a request carries one and the sign-in cookie otherwise.</summary>
    public const string Scheme = "rag";

    public const string SignInPath = "/Account/Login";

    /// <summary>
    /// Sign-in for the web app and the API: local accounts (Identity cookie) or per-user API keys; every endpoint
    /// requires a signed-in user unless it allows anonymous access (/healthz, the sign-in page, static files). An
    /// anonymous API request gets 401 with a JSON reason, never a redirect; an anonymous page request a 302 to the
    /// sign-in page. Sign-in posts are rate-limited per client address; wrong passwords throttle that address for that
    /// user (<see cref="SignInThrottle"/>), not the account everywhere. A session ends on the first request after its
    /// security stamp changed (sign-out included), so a copied cookie dies with the sign-out. On PostgreSQL the cookie keys
    /// are shared by every app instance (<see cref="SharedDataProtection"/>).
    /// </summary>
    public static IServiceCollection AddRagWebAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRagAccounts(configuration).AddSignInManager<RagSignInManager>();
        services.AddRagSharedDataProtection(configuration);
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = Scheme;
                o.DefaultSignInScheme = IdentityConstants.ApplicationScheme;
            })
            .AddPolicyScheme(Scheme, "Sign-in cookie or API key", o =>
                o.ForwardDefaultSelector = context => ApiKeyAuthenticationHandler.HasKey(context.Request)
                    ? ApiKeyAuthenticationHandler.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddIdentityCookies();
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme).Configure<IOptions<WebOptions>>((o, web) =>
        {
            o.LoginPath = SignInPath;
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.Cookie.Name = "RagAssistant.Auth";
            o.Cookie.HttpOnly = true;
            // Plants often serve plain HTTP on the LAN: the cookie is Secure whenever the request came over HTTPS, and
            // always with Rag:Web:SecureCookies (behind a TLS proxy).
            o.Cookie.SecurePolicy = web.Value.SecureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.Cookie.SameSite = SameSiteMode.Lax; // with no antiforgery token on the JSON API, the cookie is never sent cross-site
            o.ExpireTimeSpan = TimeSpan.FromHours(web.Value.SessionHours);
            o.SlidingExpiration = true;
            o.Events.OnValidatePrincipal = SessionStampCheck.ValidatePrincipalAsync;
            o.Events.OnRedirectToLogin = context => ApiProblem.IsApi(context.Request)
                ? ApiProblem.WriteAsync(context.HttpContext, StatusCodes.Status401Unauthorized, "sign in, or send an API key (X-Api-Key: rag_…)")
                : Redirect(context);
            o.Events.OnRedirectToAccessDenied = context => ApiProblem.IsApi(context.Request)
                ? ApiProblem.WriteAsync(context.HttpContext, StatusCodes.Status403Forbidden, "this account may not do that")
                : Redirect(context);
        });
        // How often a cookie's claims (name, role) are rebuilt from the store; whether it is still valid at all is
        // checked on every request (SessionStampCheck).
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddAuthorizationBuilder().SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, AccountRevalidatingStateProvider>();
        services.AddSingleton<IAccessGate, AccountAccessGate>();
        services.AddHostedService<FirstAdministratorStartup>();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                if (!HttpMethods.IsPost(context.Request.Method) || !context.Request.Path.Equals(SignInPath, StringComparison.OrdinalIgnoreCase))
                    return RateLimitPartition.GetNoLimiter("other");
                var perMinute = context.RequestServices.GetRequiredService<IOptions<AccountsOptions>>().Value.SignInAttemptsPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter(ClientAddress.KeyOf(context),
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
            o.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                return new ValueTask(context.HttpContext.Response.WriteAsync(
                    "Too many sign-in attempts from this address; wait a minute. 登录尝试过多，请一分钟后再试。"));
            };
        });
        return services;
    }

    private static Task Redirect(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
