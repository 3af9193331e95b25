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
}
