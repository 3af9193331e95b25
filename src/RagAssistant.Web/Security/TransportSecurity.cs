namespace RagAssistant.Web.Security;

/// <summary>
/// HTTPS when the app serves it: browsers are told to use nothing else for a year (HSTS, sent only on HTTPS responses,
/// so a plain-HTTP trial on localhost is never pinned), and plain-HTTP requests are redirected to the HTTPS endpoint
/// when one is configured (Kestrel certificate settings, or an https:// URL). Behind a TLS-terminating reverse proxy,
/// the forwarded-headers settings make the proxied requests count as HTTPS, so they get HSTS too. Not in Development.
/// </summary>
public static class TransportSecurity
{
    /// <summary>How long a browser keeps to HTTPS after one HTTPS response: a year, the usual preload-list minimum.</summary>
    public static readonly TimeSpan HstsMaxAge = TimeSpan.FromDays(365);

    public static IServiceCollection AddRagTransportSecurity(this IServiceCollection services) =>
        services.AddHsts(o =>
        {
            o.MaxAge = HstsMaxAge;
            // Subdomains of a plant's host name may run other, plain-HTTP equipment pages: pin this host only.
            o.IncludeSubDomains = false;
        });

    public static WebApplication UseRagTransportSecurity(this WebApplication app)
    {
        if (app.Environment.IsDevelopment()) return app;
        app.UseHsts();
        if (ServesHttps(app.Configuration)) app.UseHttpsRedirection();
        return app;
    }

    /// <summary>True when an HTTPS endpoint is configured: an https:// URL in <c>urls</c> / ASPNETCORE_URLS or a Kestrel endpoint.</summary>
    public static bool ServesHttps(IConfiguration configuration)
    {
        var urls = (configuration["urls"] ?? configuration["ASPNETCORE_URLS"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var endpoints = configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"] ?? "");
        return urls.Concat(endpoints).Any(u => u.StartsWith("https://", StringComparison.OrdinalIgnoreCase));
    }
}
