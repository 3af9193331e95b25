using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.SemanticKernel.ChatCompletion;
using RagAssistant.Generation.Llm;
using RagAssistant.Testing;

namespace RagAssistant.Generation.Tests.Llm;

/// <summary>The openai provider against the scripted server: what is sent, what comes back, and every way it fails.</summary>
public sealed class OpenAiChatModelTests : IAsyncLifetime
{
    private readonly ScriptedOpenAiServer server = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await server.DisposeAsync();

    internal static LlmOptions Options(Uri endpoint, Action<LlmOptions>? change = null)
    {
        var options = new LlmOptions
        {
            Provider = "openai",
            Endpoint = endpoint.ToString(),
            Model = "test-model",
            TimeoutSeconds = 10,
            RetryDelaySeconds = 0.01, // short backoffs keep the retry tests fast
            MaxRetryDelaySeconds = 2,
        };
        change?.Invoke(options);
        return options;
    }

    internal static ChatHistory Question(string question = "What torque for the M8 bolts?")
    {
        var history = new ChatHistory("Answer only from the numbered sources.");
        history.AddUserMessage(question);
        return history;
    }

    internal static async Task<List<string>> CollectAsync(IAsyncEnumerable<string> stream, List<string>? into = null)
    {
        into ??= [];
        await foreach (var delta in stream) into.Add(delta);
        return into;
    }

    private ChatModel Model(Action<LlmOptions>? change = null) => new(Options(server.BaseUrl, change));

    [Fact]
    public async Task Stream_YieldsTheDeltasInOrder_AndSendsModelMessagesAndStream()
    {
        server.EnqueueStream("Tighten", " to 25", " N·m [1].");
        using var model = Model();

        var deltas = await CollectAsync(model.StreamAsync(Question()));

        Assert.Equal(["Tighten", " to 25", " N·m [1]."], deltas);
        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v1/chat/completions", request.Path);
        Assert.Equal("test-model", (string?)request.Json!["model"]);
        Assert.True((bool)request.Json["stream"]!);
        var messages = request.Json["messages"]!.AsArray();
        Assert.Equal(["system", "user"], messages.Select(m => (string?)m!["role"]));
        Assert.Equal("What torque for the M8 bolts?", (string?)messages[1]!["content"]);
        Assert.Equal(800, (int)request.Json["max_completion_tokens"]!);
        Assert.Equal(0.1, (double)request.Json["temperature"]!, 3);
        Assert.Equal("Bearer no-key", request.Header("Authorization")); // a placeholder when no key is configured
    }

    [Fact]
    public async Task EndpointWithATrailingSlash_PostsToTheSamePath()
    {
        server.EnqueueStream("ok");
        using var model = new ChatModel(Options(new Uri(server.BaseUrl + "/")));

        Assert.Equal(["ok"], await CollectAsync(model.StreamAsync(Question())));
        Assert.Equal("/v1/chat/completions", Assert.Single(server.Requests).Path);
    }

    [Fact]
    public async Task Complete_ReturnsTheText_WithTheGivenTokenLimit_AndTheConfiguredKey()
    {
        server.EnqueueCompletion("What torque do the M8 bolts of the cylinder head need?");
        using var model = Model(o => o.ApiKey = "sk-test");

        var text = await model.CompleteAsync(Question("and the M8?"), maxOutputTokens: 40, CancellationToken.None);

        Assert.Equal("What torque do the M8 bolts of the cylinder head need?", text);
        var request = Assert.Single(server.Requests);
        Assert.NotEqual(true, (bool?)request.Json!["stream"]);
        Assert.Equal(40, (int)request.Json["max_completion_tokens"]!);
        Assert.Equal("Bearer sk-test", request.Header("Authorization"));
    }

    [Fact]
    public async Task TooManyRequests_IsRetried_AfterTheServersRetryAfter()
    {
        server.EnqueueStatus(429, """{"error":{"message":"Rate limit reached"}}""", retryAfter: TimeSpan.FromSeconds(1));
        server.EnqueueStream("ok");
        using var model = Model(o => o.MaxRetryDelaySeconds = 5);

        var clock = Stopwatch.StartNew();
        var deltas = await CollectAsync(model.StreamAsync(Question()));

        Assert.Equal(["ok"], deltas);
        Assert.Equal(2, server.Requests.Count);
        Assert.InRange(clock.Elapsed.TotalSeconds, 0.9, 4);
    }

    [Fact]
    public async Task RetryAfter_IsCappedByMaxRetryDelay()
    {
        server.EnqueueStatus(429, "slow down", retryAfter: TimeSpan.FromSeconds(60));
        server.EnqueueStream("ok");
        using var model = Model(o => o.MaxRetryDelaySeconds = 0.2);

        var clock = Stopwatch.StartNew();
        Assert.Equal(["ok"], await CollectAsync(model.StreamAsync(Question())));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"waited {clock.Elapsed}");
    }

    [Fact]
    public async Task ServerErrorTwice_ThenSuccess_Answers()
    {
        server.EnqueueStatus(500, """{"error":{"message":"model is loading"}}""");
        server.EnqueueStatus(503, "busy");
        server.EnqueueStream("Tighten", " to 25 N·m.");
        using var model = Model();

        Assert.Equal(["Tighten", " to 25 N·m."], await CollectAsync(model.StreamAsync(Question())));
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task ServerErrors_UntilRetriesAreExhausted_ThrowNamingStatusAndProvider_WithoutSdkRetries()
    {
        for (var i = 0; i < 3; i++) server.EnqueueStatus(500, """{"error":{"message":"CUDA out of memory"}}""");
        server.EnqueueStream("never reached");
        using var model = Model(o => o.MaxRetries = 2);

        var e = await Assert.ThrowsAsync<LlmException>(() => CollectAsync(model.StreamAsync(Question())));

        Assert.Equal(LlmFailure.HttpStatus, e.Failure);
        Assert.Equal(500, e.StatusCode);
        Assert.Equal($"LLM provider openai at {server.BaseUrl} returned 500 Internal Server Error after 2 retries: CUDA out of memory", e.Message);
        // 1 + MaxRetries requests: the SDK's own retry policy must not multiply ours.
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task TooManyRequests_UntilRetriesAreExhausted_SaysSoWithTheServersText()
    {
        for (var i = 0; i < 4; i++) server.EnqueueStatus(429, """{"error":{"message":"Rate limit reached for requests"}}""");
        using var model = Model();

        var e = await Assert.ThrowsAsync<LlmException>(() => model.CompleteAsync(Question(), 20, CancellationToken.None));

        Assert.EndsWith("returned 429 Too Many Requests after 3 retries: Rate limit reached for requests", e.Message);
        Assert.Equal(4, server.Requests.Count);
    }

    [Fact]
    public async Task ClientError_IsNotRetried_AndCarriesTheServersText()
    {
        server.EnqueueStatus(404, """{"error":"model \"qwen9:1b\" not found, try pulling it first"}""");
        using var model = Model();

        var e = await Assert.ThrowsAsync<LlmException>(() => CollectAsync(model.StreamAsync(Question())));

        Assert.Equal($"LLM provider openai at {server.BaseUrl} returned 404 Not Found: model \"qwen9:1b\" not found, try pulling it first", e.Message);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task SlowServer_PastTheTimeout_ThrowsATimeout()
    {
        server.EnqueueStream(TimeSpan.FromMilliseconds(500), [.. Enumerable.Range(0, 12).Select(i => $"part {i} ")]); // 6 s in all
        using var model = Model(o => o.TimeoutSeconds = 1);

        var received = new List<string>();
        var clock = Stopwatch.StartNew();
        var e = await Assert.ThrowsAsync<LlmException>(() => CollectAsync(model.StreamAsync(Question()), received));

        Assert.Equal(LlmFailure.Timeout, e.Failure);
        Assert.Contains("timed out after 1 s (Rag:Llm:TimeoutSeconds) before the answer finished", e.Message);
        Assert.NotEmpty(received);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(4), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task SilentServer_PastTheTimeout_ThrowsATimeoutWaitingForTheFirstByte()
    {
        server.EnqueueStream(TimeSpan.FromSeconds(10), "late");
        using var model = Model(o => o.TimeoutSeconds = 1);

        var e = await Assert.ThrowsAsync<LlmException>(() => CollectAsync(model.StreamAsync(Question())));

        Assert.Equal($"LLM provider openai at {server.BaseUrl} timed out after 1 s (Rag:Llm:TimeoutSeconds) waiting for the first byte of the answer", e.Message);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task CutOffStream_Throws_InsteadOfASilentPartialAnswer(bool chunked)
    {
        server.ChunkedStreams = chunked;
        server.EnqueueCutOff("Tighten", " to");
        using var model = Model();

        var received = new List<string>();
        var e = await Assert.ThrowsAsync<LlmException>(() => CollectAsync(model.StreamAsync(Question()), received));

        Assert.Equal(LlmFailure.StreamCutOff, e.Failure);
        Assert.StartsWith($"LLM provider openai at {server.BaseUrl} cut the answer off", e.Message);
        Assert.Single(server.Requests); // a stream that delivered text is never replayed
    }

    [Fact]
    public async Task MalformedChunk_ThrowsNamingTheChunk()
    {
        server.EnqueueMalformed("Tighten");
        using var model = Model();

        var e = await Assert.ThrowsAsync<LlmException>(() => CollectAsync(model.StreamAsync(Question())));

        Assert.Equal(LlmFailure.Malformed, e.Failure);
        Assert.Contains("sent a malformed stream chunk (not JSON)", e.Message);
        Assert.Contains("this is not json", e.Message);
    }

    [Fact]
    public async Task ServerRejectingStreamOptions_IsAnsweredAfterTheRewrite_AndLaterCallsGoOutRewritten()
    {
        server.RejectField("stream_options");
        server.EnqueueStream("first");
        server.EnqueueStream("second");
        using var model = Model();

        Assert.Equal(["first"], await CollectAsync(model.StreamAsync(Question())));
        Assert.Equal(["second"], await CollectAsync(model.StreamAsync(Question())));

        var sent = server.Requests;
        Assert.Equal(3, sent.Count);
        Assert.True(sent[0].Has("stream_options"));
        Assert.False(sent[1].Has("stream_options"));
        Assert.False(sent[2].Has("stream_options"));
        Assert.True((bool)sent[2].Json!["stream"]!);
    }

    [Fact]
    public async Task ServerRejectingMaxCompletionTokens_GetsMaxTokens_NowAndLater()
    {
        server.RejectField("max_completion_tokens", "1 validation error: extra fields not permitted: max_completion_tokens");
        server.EnqueueStream("first");
        server.EnqueueCompletion("second");
        using var model = Model();

        Assert.Equal(["first"], await CollectAsync(model.StreamAsync(Question())));
        Assert.Equal("second", await model.CompleteAsync(Question(), 40, CancellationToken.None));

        var sent = server.Requests;
        Assert.Equal(3, sent.Count);
        Assert.Equal(800, (int)sent[0].Json!["max_completion_tokens"]!);
        Assert.Equal(800, (int)sent[1].Json!["max_tokens"]!);
        Assert.False(sent[1].Has("max_completion_tokens"));
        Assert.Equal(40, (int)sent[2].Json!["max_tokens"]!);
        Assert.False(sent[2].Has("max_completion_tokens"));
    }

    [Fact]
    public async Task ServerRejectingBothFields_IsAnsweredAfterBothRewrites()
    {
        server.RejectField("stream_options");
        server.RejectField("max_completion_tokens");
        server.EnqueueStream("ok");
        using var model = Model();

        Assert.Equal(["ok"], await CollectAsync(model.StreamAsync(Question())));
        var last = server.Requests[^1];
        Assert.Equal(3, server.Requests.Count);
        Assert.False(last.Has("stream_options"));
        Assert.True(last.Has("max_tokens"));
    }

    [Fact]
    public async Task NothingListening_IsUnreachable()
    {
        var port = ClosedPort();
        var endpoint = new Uri($"http://127.0.0.1:{port}/v1");
        using var model = new ChatModel(Options(endpoint));

        var e = await Assert.ThrowsAsync<LlmException>(() => CollectAsync(model.StreamAsync(Question())));

        Assert.Equal(LlmFailure.Unreachable, e.Failure);
        Assert.Equal($"LLM provider openai at {endpoint} is unreachable: Connection refused", e.Message);
    }

    [Fact]
    public async Task CallerCancellation_IsOperationCanceled_Quickly()
    {
        server.EnqueueStream(TimeSpan.FromSeconds(10), "a", "b");
        using var model = Model();
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var clock = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => CollectAsync(model.StreamAsync(Question(), cts.Token)));
        // Well before the server's first chunk (10 s); the bound allows for the first exception's JIT on a busy machine.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task CallerCancellation_DuringARetryWait_IsOperationCanceled()
    {
        server.EnqueueStatus(503, "busy", retryAfter: TimeSpan.FromSeconds(30));
        using var model = Model(o => o.MaxRetryDelaySeconds = 30);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var clock = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => model.CompleteAsync(Question(), 20, cts.Token));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task NothingScripted_IsA500_SayingSo()
    {
        using var model = Model(o => o.MaxRetries = 0);

        var e = await Assert.ThrowsAsync<LlmException>(() => CollectAsync(model.StreamAsync(Question())));

        Assert.Contains("returned 500 Internal Server Error: ScriptedOpenAiServer: no reply was scripted", e.Message);
    }

    [Fact]
    public async Task ScriptedServer_ListsItsModels()
    {
        using var http = new HttpClient();
        var json = await http.GetStringAsync(new Uri(server.BaseUrl + "/models"));
        Assert.Contains("\"id\":\"test-model\"", json);
        Assert.Equal("/v1/models", Assert.Single(server.Requests).Path);
    }

    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
