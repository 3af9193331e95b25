using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using RagAssistant.Testing;
using RagAssistant.Web.Ingestion;
using RagAssistant.Web.Tests.Hosting;

namespace RagAssistant.Web.Tests.Api;

/// <summary>
/// /api/ask with an LLM configured (the scripted OpenAI-compatible server): the model's deltas reach the caller one by
/// one, in order, before the checked answer. A small corpus and a hash embedder keep this app quick to start; these
/// tests are about streaming, not retrieval quality.
/// </summary>
public sealed class LlmStreamingApiTests : IAsyncLifetime
{
    private readonly ScriptedOpenAiServer _llm = new();
    private readonly TempDirectory _data = new();
    private WebApplicationFactory<Program> _factory = null!;
    private string _baseUrl = "";

    public async Task InitializeAsync()
    {
        _data.WriteText("corpus/WI-AS-021_扭矩紧固.md", "# WI-AS-021 扭矩紧固作业指导书\n\n## 3 拧紧要求\n\n支架总成 M8×1.25 螺栓拧紧扭矩要求：25±2 N·m。\n");
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Rag:Storage:DatabasePath", _data.File("rag.db"));
            builder.UseSetting("Rag:Web:SampleCorpus", _data.File("corpus"));
            builder.UseSetting("Rag:Llm:Provider", "openai");
            builder.UseSetting("Rag:Llm:Endpoint", _llm.BaseUrl.ToString());
            builder.UseSetting("Rag:Llm:Model", "test-model");
            builder.UseSetting("Rag:Llm:MaxRetries", "0");
            builder.UseSetting("urls", "http://127.0.0.1:0");
            builder.ConfigureServices(services => services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(new HashEmbeddingGenerator()));
        });
        _factory.UseKestrel();
        _factory.StartServer();
        _baseUrl = _factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        var queue = _factory.Services.GetRequiredService<IngestionQueue>();
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while ((queue.Jobs.Count == 0 || queue.Pending > 0) && DateTime.UtcNow < deadline) await Task.Delay(50);
    }

    [Fact]
    public async Task Ask_RelaysEachModelDelta_ThenTheCheckedLlmAnswer()
    {
        _llm.EnqueueStream("M8×1.25 螺栓", "拧紧扭矩为 ", "25±2 N·m [1]。");
        using var client = new HttpClient { BaseAddress = new Uri(_baseUrl) };

        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/ask")
        {
            Content = JsonContent.Create(new { question = "M8 螺栓拧紧扭矩是多少？" }),
        }, HttpCompletionOption.ResponseHeadersRead);
        var events = await ServerSentEvents.ReadAllAsync(response);

        Assert.Equal(["delta", "delta", "delta", "citations", "done"], events.Select(e => e.Name));
        Assert.Equal(["M8×1.25 螺栓", "拧紧扭矩为 ", "25±2 N·m [1]。"], events.Take(3).Select(e => e.Data.GetProperty("text").GetString()));
        var done = events[^1].Data;
        Assert.Equal("llm", done.GetProperty("mode").GetString());
        Assert.EndsWith("WI-AS-021_扭矩紧固.md", done.GetProperty("citations")[0].GetProperty("source").GetString());
    }

    [Fact]
    public async Task Ask_WhenTheModelFails_FallsBackToQuotes_AndSaysWhy()
    {
        _llm.EnqueueStatus(500, "{\"error\": {\"message\": \"model crashed\"}}");
        using var client = new HttpClient { BaseAddress = new Uri(_baseUrl) };

        using var response = await client.PostAsJsonAsync("/api/ask", new { question = "M8 螺栓拧紧扭矩是多少？" });
        var events = await ServerSentEvents.ReadAllAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var done = Assert.Single(events, e => e.Name == "done").Data;
        Assert.Equal("extractive", done.GetProperty("mode").GetString());
        Assert.Contains("25±2", done.GetProperty("answer").GetString());
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _llm.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _data.Dispose();
    }
}
