using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using RagAssistant.Testing;
using RagAssistant.Web.Ingestion;
using RagAssistant.Web.Tests.Hosting;

namespace RagAssistant.Web.Tests.Security;

/// <summary>
/// Issue #19: /api/ask with a failing language model tells the caller that it failed and how (HTTP 500) — not the
/// endpoint's address nor what the upstream server wrote back, in no event of the stream and not on the status page.
/// </summary>
public sealed class LlmErrorApiTests : IAsyncLifetime
{
    private const string Secret = "sk-live-4f9c2e7d1b8a3c6e";
    private readonly ScriptedOpenAiServer _llm = new();
    private readonly TempDirectory _data = new();
    private HostedApp _app = null!;

    public async Task InitializeAsync()
    {
        _data.WriteText("corpus/WI-AS-021_扭矩紧固.md", "# WI-AS-021 扭矩紧固作业指导书\n\n## 3 拧紧要求\n\n支架总成 M8×1.25 螺栓拧紧扭矩要求：25±2 N·m。\n");
        _app = new HostedApp(_data.File("rag.db"), _data.File("corpus"), new Dictionary<string, string>
        {
            ["Rag:Llm:Provider"] = "openai",
            ["Rag:Llm:Endpoint"] = _llm.BaseUrl.ToString(),
            ["Rag:Llm:Model"] = "test-model",
            ["Rag:Llm:MaxRetries"] = "0",
        });
        await _app.SettleAsync();
    }

    [Fact]
    public async Task FailingModel_IsNamedByItsStatus_WithoutEndpointOrUpstreamBody()
    {
        _llm.EnqueueStatus(500, $$$"""{"error":{"message":"upstream gpu-07.corp.internal rejected key {{{Secret}}}"}}""");
        using var client = _app.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/ask", new { question = "M8 螺栓拧紧扭矩是多少？" });
        var stream = await response.Content.ReadAsStringAsync();

        Assert.Contains("HTTP 500", stream);
        Assert.DoesNotContain(Secret, stream);
        Assert.DoesNotContain("gpu-07", stream);
        Assert.DoesNotContain($"127.0.0.1:{_llm.Port}", stream);
        Assert.All(_app.Services.GetRequiredService<RecentErrors>().List(), e =>
        {
            Assert.DoesNotContain(Secret, e.Message);
            Assert.DoesNotContain($"127.0.0.1:{_llm.Port}", e.Message);
        });
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _llm.DisposeAsync();
        _data.Dispose();
    }
}
