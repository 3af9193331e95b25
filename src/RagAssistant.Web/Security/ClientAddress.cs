using System.Net;
using System.Net.Sockets;

namespace RagAssistant.Web.Security;

/// <summary>The client address that sign-in limits are counted under (after a trusted proxy's <c>X-Forwarded-For</c>).</summary>
public static class ClientAddress
{
    /// <summary>The address to show in the audit log.</summary>
    public static string? Of(HttpContext context) => Normal(context.Connection.RemoteIpAddress)?.ToString();

    /// <summary>
    /// The key limits are counted under: an IPv4 address, or the /64 network of an IPv6 one — a single host is usually
    /// given a whole /64, so counting single IPv6 addresses would hand one attacker 2^64 fresh limits.
    /// </summary>
    public static string KeyOf(HttpContext context)
    {
        var address = Normal(context.Connection.RemoteIpAddress);
        if (address is null) return "unknown";
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    // Kestrel on a dual-stack socket reports IPv4 clients as ::ffff:a.b.c.d.
    private static IPAddress? Normal(IPAddress? address) => address is { IsIPv4MappedToIPv6: true } ? address.MapToIPv4() : address;
}
