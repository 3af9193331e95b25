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
    private readonly ScriptedLlmApp _host = new();

    private HostedApp App => _host.App;
    private ScriptedOpenAiServer Llm => _host.Llm;

    public Task InitializeAsync() => _host.InitializeAsync();

    [Fact]
    public async Task FailingModel_IsNamedByItsStatus_WithoutEndpointOrUpstreamBody()
    {
        Llm.EnqueueStatus(500, $$$"""{"error":{"message":"upstream gpu-07.corp.internal rejected key {{{Secret}}}"}}""");
        using var client = App.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/ask", new { question = "M8 螺栓拧紧扭矩是多少？" });
        var stream = await response.Content.ReadAsStringAsync();

        Assert.Contains("HTTP 500", stream);
        Assert.DoesNotContain(Secret, stream);
        Assert.DoesNotContain("gpu-07", stream);
        Assert.DoesNotContain($"127.0.0.1:{Llm.Port}", stream);
        Assert.All(App.Services.GetRequiredService<RecentErrors>().List(), e =>
        {
            Assert.DoesNotContain(Secret, e.Message);
            Assert.DoesNotContain($"127.0.0.1:{Llm.Port}", e.Message);
        });
    }

    public Task DisposeAsync() => _host.DisposeAsync();
}
