using System.Net;
using System.Net.Http.Json;
using RagAssistant.Testing;
using RagAssistant.Web.Tests.Hosting;

namespace RagAssistant.Web.Tests.Api;

/// <summary>
/// /api/ask with an LLM configured (the scripted OpenAI-compatible server): the model's deltas reach the caller one by
/// one, in order and checked, before the final answer. A small corpus and a hash embedder keep this app quick to start; these
/// tests are about streaming, not retrieval quality.
/// </summary>
public sealed class LlmStreamingApiTests : IAsyncLifetime
{
    private readonly ScriptedLlmApp _host = new();

    private HostedApp App => _host.App;
    private ScriptedOpenAiServer Llm => _host.Llm;

    public Task InitializeAsync() => _host.InitializeAsync();

    [Fact]
    public async Task Ask_RelaysEachModelDelta_ThenTheCheckedLlmAnswer()
    {
        Llm.EnqueueStream("M8×1.25 螺栓", "拧紧扭矩为 ", "25±2 N·m [1]。");
        using var client = App.CreateClient();

        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/ask")
        {
            Content = JsonContent.Create(new { question = "M8 螺栓拧紧扭矩是多少？" }),
        }, HttpCompletionOption.ResponseHeadersRead);
        var events = await ServerSentEvents.ReadAllAsync(response);

        Assert.Equal(["delta", "delta", "delta", "citations", "done"], events.Select(e => e.Name));
        // Checked as they come: a trailing space waits for what follows, since a marker the check removes takes it along.
        Assert.Equal(["M8×1.25 螺栓", "拧紧扭矩为", " 25±2 N·m [1]。"], events.Take(3).Select(e => e.Data.GetProperty("text").GetString()));
        var done = events[^1].Data;
        Assert.Equal("llm", done.GetProperty("mode").GetString());
        Assert.EndsWith("WI-AS-021_扭矩紧固.md", done.GetProperty("citations")[0].GetProperty("source").GetString());
    }

    [Fact]
    public async Task Ask_WhenTheModelFails_FallsBackToQuotes_AndSaysWhy()
    {
        Llm.EnqueueStatus(500, "{\"error\": {\"message\": \"model crashed\"}}");
        using var client = App.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/ask", new { question = "M8 螺栓拧紧扭矩是多少？" });
        var events = await ServerSentEvents.ReadAllAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var done = Assert.Single(events, e => e.Name == "done").Data;
        Assert.Equal("extractive", done.GetProperty("mode").GetString());
        Assert.Contains("25±2", done.GetProperty("answer").GetString());
    }

    public Task DisposeAsync() => _host.DisposeAsync();
}
