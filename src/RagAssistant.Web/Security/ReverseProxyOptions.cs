using System.ComponentModel.DataAnnotations;
using System.Net;

namespace RagAssistant.Web.Security;

/// <summary>
/// The reverse proxies (nginx, IIS, a load balancer) whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> the app
/// believes, bound from <c>Rag:Web</c>. Default: none — a client could otherwise name any address and escape the
/// per-address sign-in limits, or claim HTTPS. List a proxy only when every request reaches the app through it.
/// </summary>
public sealed class ReverseProxyOptions : IValidatableObject
{
    public const string Section = "Rag:Web";

    /// <summary>Addresses of trusted proxies, e.g. <c>127.0.0.1</c> for nginx on the same host. Default: none.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of trusted proxies in CIDR form, e.g. <c>10.20.0.0/24</c>. Default: none.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    public bool TrustsAnyProxy => KnownProxies.Count > 0 || KnownNetworks.Count > 0;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var proxy in KnownProxies.Where(p => !IPAddress.TryParse(p, out _)))
            yield return new ValidationResult($"Rag:Web:KnownProxies: '{proxy}' is not an IP address", [nameof(KnownProxies)]);
        foreach (var network in KnownNetworks.Where(n => !IPNetwork.TryParse(n, out _)))
            yield return new ValidationResult(
                $"Rag:Web:KnownNetworks: '{network}' is not a network in CIDR form (e.g. 10.20.0.0/24)", [nameof(KnownNetworks)]);
    }
}
