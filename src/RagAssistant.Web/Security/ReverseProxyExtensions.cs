using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace RagAssistant.Web.Security;

public static class ReverseProxyExtensions
{
    /// <summary>
    /// Believes <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> from the proxies in <see cref="ReverseProxyOptions"/>
    /// only, so the sign-in limits, the audit log and the cookie's Secure flag see the real client and scheme.
    /// </summary>
    public static IServiceCollection AddRagReverseProxy(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ReverseProxyOptions>().Bind(configuration.GetSection(ReverseProxyOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ReverseProxyOptions>>((o, proxy) =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // ASP.NET Core trusts loopback by default; here nothing is trusted unless configured (a proxy on the same host
            // is listed as 127.0.0.1 explicitly).
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
#pragma warning disable ASPDEPR005 // the obsolete list is still consulted by the middleware: clear its loopback default too
            o.KnownNetworks.Clear();
#pragma warning restore ASPDEPR005
            foreach (var address in proxy.Value.KnownProxies) o.KnownProxies.Add(IPAddress.Parse(address));
            foreach (var network in proxy.Value.KnownNetworks) o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            // No hop limit: the header is read from the right while each hop is a trusted proxy, and stops at the first
            // that is not — so a chain of trusted proxies works, and what a client put in the header itself is never used.
            o.ForwardLimit = null;
        });
        return services;
    }

    /// <summary>
    /// Rewrites the client address and scheme from a trusted proxy's headers (a request from anywhere else keeps its
    /// own); first in the pipeline, so everything after sees them. Without a configured proxy the middleware is left
    /// out altogether: with both of its lists empty it would believe every client's headers.
    /// </summary>
    public static IApplicationBuilder UseRagForwardedHeaders(this IApplicationBuilder app) =>
        app.ApplicationServices.GetRequiredService<IOptions<ReverseProxyOptions>>().Value.TrustsAnyProxy ? app.UseForwardedHeaders() : app;
}
