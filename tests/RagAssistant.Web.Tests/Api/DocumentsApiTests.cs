using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RagAssistant.Web.Tests.Hosting;

namespace RagAssistant.Web.Tests.Api;

[Collection(WebAppCollection.Name)]
public sealed class DocumentsApiTests(WebAppFixture app)
{
    [Fact]
    public async Task List_ShowsTheSampleCorpusIngestedOnFirstStart()
    {
        using var client = app.CreateClient();
        var json = await client.GetFromJsonAsync<JsonElement>("/api/documents");
        var sources = json.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("source").GetString()!).ToList();
        Assert.Contains(sources, s => s.EndsWith("JD-2105-0318_输出轴_工艺过程卡_RevB.xlsx", StringComparison.Ordinal));
        Assert.True(sources.Count >= 20, $"only {sources.Count} documents: {string.Join(", ", sources)}");
    }
}
