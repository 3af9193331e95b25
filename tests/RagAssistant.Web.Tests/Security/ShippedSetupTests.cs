using RagAssistant.Testing;

namespace RagAssistant.Web.Tests.Security;

/// <summary>
/// The deployment files under infra/ (no container engine or systemd runs here, so their security settings are read,
/// not exercised): HTTPS with a Secure cookie, a non-root user, private files. The HTTPS behaviour itself is tested
/// against the running app in <see cref="TransportSecurityTests"/> with the same Kestrel certificate settings.
/// </summary>
public sealed class ShippedSetupTests
{
    private static string Infra(string path) => File.ReadAllText(Path.Combine(RepositoryPaths.Root, "infra", path));

    private static IEnumerable<string> Lines(string path) =>
        Infra(path).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'));

    [Fact]
    public void Container_RunsAsAnUnprivilegedUser_AndServesHttps()
    {
        var dockerfile = Lines("docker/Dockerfile").ToList();
        var user = dockerfile.Last(l => l.StartsWith("USER ", StringComparison.Ordinal))["USER ".Length..].Trim();

        Assert.DoesNotContain(user, new[] { "root", "0", "0:0" });
        Assert.Contains(dockerfile, l => l.Contains("https://+:8443", StringComparison.Ordinal));
        Assert.Contains(dockerfile, l => l.Contains("Kestrel__Certificates__Default__Path", StringComparison.Ordinal));
        Assert.Contains(dockerfile, l => l.Contains("Rag__Web__SecureCookies=true", StringComparison.Ordinal));
    }

    [Fact]
    public void Service_RunsAsItsOwnUser_WithPrivateFiles_AndServesHttps()
    {
        var service = Lines("systemd/ragassistant.service").ToList();
        var settings = Lines("systemd/ragassistant.env").ToList();

        Assert.Contains("User=ragassistant", service);
        Assert.Contains("UMask=0027", service);
        Assert.Contains(settings, l => l.StartsWith("ASPNETCORE_URLS=", StringComparison.Ordinal) && l.Contains("https://", StringComparison.Ordinal));
        Assert.Contains(settings, l => l.StartsWith("Kestrel__Certificates__Default__Path=", StringComparison.Ordinal));
        Assert.Contains("Rag__Web__SecureCookies=true", settings);
    }

    [Fact]
    public void ReverseProxyRecipe_ReplacesTheForwardedHeaders_AndRedirectsPlainHttp()
    {
        var nginx = Infra("nginx/ragassistant.conf");

        Assert.Contains("proxy_set_header X-Forwarded-For $remote_addr;", nginx, StringComparison.Ordinal);
        Assert.Contains("proxy_set_header X-Forwarded-Proto $scheme;", nginx, StringComparison.Ordinal);
        Assert.Contains("return 301 https://", nginx, StringComparison.Ordinal);
        Assert.Contains("Rag__Web__KnownProxies__0=127.0.0.1", nginx, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoInstancesRecipe_ShareOnePostgresKnowledgeBase_BehindAStickyTlsProxy()
    {
        var compose = Infra("docker/compose.postgres.yaml");
        var nginx = Infra("docker/nginx-instances.conf");

        // Both instances take the shared settings (one anchor), on PostgreSQL, reached only through the proxy.
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(compose, @"^  rag\d:\n    <<: \*rag\n    environment:\n      <<: \*rag-environment", System.Text.RegularExpressions.RegexOptions.Multiline).Count);
        Assert.Contains("Rag__Storage__Provider: postgres", compose, StringComparison.Ordinal);
        Assert.Contains("Rag__Web__SecureCookies: \"true\"", compose, StringComparison.Ordinal);
        Assert.Contains("Rag__Web__KnownNetworks__0: 172.28.0.0/24", compose, StringComparison.Ordinal);
        Assert.Contains("- subnet: 172.28.0.0/24", compose, StringComparison.Ordinal);
        Assert.Contains("image: pgvector/pgvector:", compose, StringComparison.Ordinal);
        // A browser's page lives on one instance: the proxy keeps each client on its instance, and terminates TLS.
        Assert.Contains("ip_hash;", nginx, StringComparison.Ordinal);
        Assert.Contains("server rag1:8080", nginx, StringComparison.Ordinal);
        Assert.Contains("server rag2:8080", nginx, StringComparison.Ordinal);
        Assert.Contains("proxy_set_header X-Forwarded-For $remote_addr;", nginx, StringComparison.Ordinal);
        Assert.Contains("return 301 https://", nginx, StringComparison.Ordinal);
    }
}
