namespace RagAssistant.Web.Endpoints;

public static class LocalUrl
{
    /// <summary>A return URL on this site, or "/" — never a redirect elsewhere (open-redirect protection).</summary>
    public static string OrHome(string? url) =>
        url is { Length: > 0 } && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            ? url
            : "/";
}
