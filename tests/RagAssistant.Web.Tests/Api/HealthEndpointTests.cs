using System.Net;
using System.Net.Http.Json;
using RagAssistant.Web.Tests.Hosting;

namespace RagAssistant.Web.Tests.Api;

[Collection(WebAppCollection.Name)]
public sealed class HealthEndpointTests(WebAppFixture app)
{
    [Fact]
    public async Task Healthz_AnswersOkAnonymously()
    {
        using var client = app.CreateClient();
        var response = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<Dictionary<string, string>>();
        Assert.Equal("ok", body!["status"]);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/library")]
    [InlineData("/api/documents")]
    public async Task EveryResponse_CarriesTheSecurityHeaders(string path)
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync(path);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.DoesNotContain("unsafe-inline'; img", csp.Replace("style-src 'self' 'unsafe-inline'", ""));
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task Pages_HaveNoInlineScript()
    {
        using var client = app.CreateClient();
        var html = await client.GetStringAsync("/");
        foreach (System.Text.RegularExpressions.Match script in System.Text.RegularExpressions.Regex.Matches(html, "<script(?<attrs>[^>]*)>(?<body>.*?)</script>", System.Text.RegularExpressions.RegexOptions.Singleline))
            Assert.True(script.Groups["attrs"].Value.Contains("src=") && script.Groups["body"].Value.Trim().Length == 0, $"inline script: {script.Value[..Math.Min(200, script.Value.Length)]}");
    }
}
