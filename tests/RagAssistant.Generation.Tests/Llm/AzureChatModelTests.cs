using RagAssistant.Generation.Llm;
using RagAssistant.Testing;
using static RagAssistant.Generation.Tests.Llm.OpenAiChatModelTests;

namespace RagAssistant.Generation.Tests.Llm;

/// <summary>The azure provider against the scripted server: Azure's deployment path and api-key header, same policies.</summary>
public sealed class AzureChatModelTests : IAsyncLifetime
{
    private readonly ScriptedOpenAiServer server = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await server.DisposeAsync();

    private ChatModel Model() => new(new LlmOptions
    {
        Provider = "Azure",
        Endpoint = server.Root.ToString(),
        Model = "gpt-4o-plant",
        ApiKey = "azure-secret",
        RetryDelaySeconds = 0.01,
    });

    [Fact]
    public async Task Azure_StreamsFromTheDeploymentPath_WithTheApiKeyHeader()
    {
        server.EnqueueStream("Hello", " from", " Azure");
        using var model = Model();

        var deltas = await CollectAsync(model.StreamAsync(Question()));

        Assert.Equal(["Hello", " from", " Azure"], deltas);
        Assert.Equal("azure", model.Provider);
        Assert.Equal("gpt-4o-plant", model.Model);
        var request = Assert.Single(server.Requests);
        Assert.Equal("/openai/deployments/gpt-4o-plant/chat/completions", request.Path);
        Assert.Contains("api-version=", request.Query);
        Assert.Equal("azure-secret", request.Header("api-key"));
        Assert.True((bool)request.Json!["stream"]!);
        Assert.Equal(["system", "user"], request.Json["messages"]!.AsArray().Select(m => (string?)m!["role"]));
    }

    [Fact]
    public async Task Azure_RetriesA429_AndReportsAnExhaustedOne()
    {
        server.EnqueueStatus(429, """{"error":{"code":"429","message":"Requests to the deployment have exceeded the rate limit."}}""");
        server.EnqueueCompletion("fine");
        using var model = Model();

        Assert.Equal("fine", await model.CompleteAsync(Question(), 30, CancellationToken.None));
        Assert.Equal(2, server.Requests.Count);

        server.EnqueueStatus(401, """{"error":{"code":"401","message":"Access denied due to invalid subscription key."}}""");
        var e = await Assert.ThrowsAsync<LlmException>(() => model.CompleteAsync(Question(), 30, CancellationToken.None));
        Assert.Equal($"LLM provider azure at {server.Root} returned 401 Unauthorized: Access denied due to invalid subscription key.", e.Message);
    }
}
