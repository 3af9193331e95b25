using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using RagAssistant.Testing;
using RagAssistant.Web.Tests.Hosting;

namespace RagAssistant.Web.Tests.Security;

/// <summary>
/// The shipped HTTPS setup: the app on a plain-HTTP and an HTTPS endpoint (Kestrel certificate settings, as
/// infra/systemd/ragassistant.env configures it) in Production. HTTPS responses carry HSTS for a year; plain HTTP is
/// redirected to HTTPS; an app with no HTTPS endpoint (the two-command trial on localhost) sends neither.
/// </summary>
public sealed class TransportSecurityTests : IDisposable
{
    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task HttpsResponses_CarryHsts_AndPlainHttpIsRedirectedToHttps()
    {
        await using var app = StartApp(withHttps: true);
        var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        var https = addresses.Single(a => a.StartsWith("https://", StringComparison.Ordinal));
        var http = addresses.Single(a => a.StartsWith("http://", StringComparison.Ordinal));
        using var client = new HttpClient(new HttpClientHandler
        {
            AllowAutoRedirect = false,
            // The test's self-signed certificate.
            ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,
        });

        using var secure = await client.SendAsync(PlantHostRequest(https + "/healthz"));
        using var plain = await client.SendAsync(PlantHostRequest(http + "/healthz"));

        Assert.Equal(HttpStatusCode.OK, secure.StatusCode);
        Assert.Equal("max-age=31536000", Assert.Single(secure.Headers.GetValues("Strict-Transport-Security")));
        Assert.True(plain.StatusCode is HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect, $"{plain.StatusCode}");
        Assert.Equal("https", plain.Headers.Location!.Scheme);
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task AnAppWithoutHttps_NeitherRedirectsNorPinsTheBrowser()
    {
        await using var app = StartApp(withHttps: false);
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });

        using var response = await client.SendAsync(PlantHostRequest(app.BaseUrl.TrimEnd('/') + "/healthz"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    private HostedApp StartApp(bool withHttps)
    {
        Directory.CreateDirectory(_data.File("corpus"));
        var settings = new Dictionary<string, string> { ["environment"] = "Production" };
        if (withHttps)
        {
            settings["urls"] = "http://127.0.0.1:0;https://127.0.0.1:0";
            settings["Kestrel:Certificates:Default:Path"] = SelfSignedCertificate();
            settings["Kestrel:Certificates:Default:Password"] = "test";
        }
        return new HostedApp(_data.File($"rag-{withHttps}.db"), _data.File("corpus"), settings);
    }

    /// <summary>HSTS is never sent to localhost or 127.0.0.1 (a developer's machine); a plant server has a real name.</summary>
    private static HttpRequestMessage PlantHostRequest(string url) => new(HttpMethod.Get, url) { Headers = { Host = "rag.plant.example" } };

    private string SelfSignedCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=rag.plant.example", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var path = _data.File("tls.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, "test"));
        return path;
    }
}
