using Microsoft.SemanticKernel.ChatCompletion;
using RagAssistant.Generation.Llm;
using RagAssistant.Testing;
using static RagAssistant.Generation.Tests.Llm.OpenAiChatModelTests;

namespace RagAssistant.Generation.Tests.Llm;

/// <summary>The stories260K model loaded once for the llama tests (absent file: nothing is loaded, the tests skip).</summary>
public sealed class StoriesModelFixture : IDisposable
{
    public const string File = "stories260K/stories260K.gguf";

    public StoriesModelFixture()
    {
        var path = SharedModelFactAttribute.PathOf(File);
        if (!System.IO.File.Exists(path)) return;
        Model = new ChatModel(new LlmOptions { Provider = "llama", ModelPath = path, Temperature = 0, MaxOutputTokens = 24, ContextSize = 512 });
    }

    public ChatModel? Model { get; }

    public void Dispose() => Model?.Dispose();
}

/// <summary>
/// The llama provider on a real GGUF model: stories260K (~1 MB, TinyStories, English stories only; see its README), so
/// these tests check loading, streaming, limits and cancellation — not answer quality.
/// </summary>
public sealed class LlamaChatModelTests(StoriesModelFixture stories) : IClassFixture<StoriesModelFixture>
{
    private ChatModel Model => stories.Model!;

    /// <summary>A story request whose answer is already begun: the model continues "Once upon a time".</summary>
    private static ChatHistory OnceUponATime()
    {
        var history = new ChatHistory();
        history.AddUserMessage("Tell me a story.");
        history.AddAssistantMessage("Once upon a time");
        return history;
    }

    [SharedModelFact(StoriesModelFixture.File)]
    public async Task StreamsAContinuation_OfOnceUponATime()
    {
        var deltas = await CollectAsync(Model.StreamAsync(OnceUponATime()));

        var text = string.Concat(deltas);
        Assert.True(deltas.Count >= 5, $"{deltas.Count} deltas: {text}");
        Assert.Contains("there was", text); // at temperature 0 the model goes on ", there was a little girl named Lily…"
        Assert.Equal("llama", Model.Provider);
        Assert.Equal("stories260K.gguf", Model.Model);
    }

    [SharedModelFact(StoriesModelFixture.File)]
    public async Task MaxOutputTokens_IsHonoured()
    {
        var deltas = await CollectAsync(Model.StreamAsync(OnceUponATime()));
        Assert.InRange(deltas.Count, 1, 24); // each delta is at least one token; MaxOutputTokens is 24

        var five = await Model.CompleteAsync(OnceUponATime(), maxOutputTokens: 5, CancellationToken.None);
        var twenty = await Model.CompleteAsync(OnceUponATime(), maxOutputTokens: 20, CancellationToken.None);
        Assert.NotEmpty(five);
        Assert.StartsWith(five, twenty); // greedy decoding: the shorter answer is the start of the longer one
        Assert.True(twenty.Length > five.Length, $"5 tokens: '{five}', 20 tokens: '{twenty}'");
    }

    [SharedModelFact(StoriesModelFixture.File)]
    public async Task Cancellation_StopsTheStream_AndTheModelStaysUsable()
    {
        using var cts = new CancellationTokenSource();
        var received = new List<string>();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var delta in Model.StreamAsync(OnceUponATime(), cts.Token))
            {
                received.Add(delta);
                await cts.CancelAsync();
            }
        });
        Assert.Single(received);

        Assert.NotEmpty(await Model.CompleteAsync(OnceUponATime(), 5, CancellationToken.None));
    }

    [SharedModelFact(StoriesModelFixture.File)]
    public async Task APlainQuestion_IsAnsweredAfterTheTranscriptsAssistantTurn()
    {
        var history = new ChatHistory("You tell stories.");
        history.AddUserMessage("Once upon a time");

        var text = await Model.CompleteAsync(history, 16, CancellationToken.None);

        Assert.False(string.IsNullOrWhiteSpace(text));
        Assert.Equal(text.Trim(), text);
        Assert.DoesNotContain("User:", text);
    }
}
