using RagAssistant.Core.Answers;
using RagAssistant.Generation.Tests.Answers;
using RagAssistant.Testing;

namespace RagAssistant.Generation.Tests.Security;

/// <summary>
/// Issue #19: what is streamed to the user while the model writes has passed the same check as the final answer — a
/// citation of a source that was not given, or a link, never shows, even for the moment until the answer is done.
/// </summary>
public sealed class StreamedAnswerCheckTests : IAsyncLifetime
{
    private readonly ScriptedOpenAiServer _server = new();
    private AnswerKnowledgeBase _kb = null!;

    public async Task InitializeAsync() => _kb = await AnswerKnowledgeBase.CreateAsync(_server.BaseUrl);

    public async Task DisposeAsync()
    {
        await _kb.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task CitationOfASourceNotGiven_NeverReachesTheStream_EvenSplitAcrossDeltas()
    {
        _server.EnqueueStream("M8 螺栓拧紧扭矩为 25±2 N·m [", "1]，复检见 [", "9", "]。");
        var deltas = new List<string>();

        var answer = await _kb.Answerer.AnswerAsync(new AskRequest("M8 螺栓拧紧扭矩是多少？"), Collect(deltas));

        Assert.Equal(AnswerMode.Llm, answer.Mode);
        Assert.DoesNotContain("[9", string.Concat(deltas));
        Assert.Contains("[1]", string.Concat(deltas));
        Assert.Equal(answer.Answer, string.Concat(deltas));
    }

    [Fact]
    public async Task MarkdownLinkFromTheModel_IsStreamedAsPlainText()
    {
        _server.EnqueueStream("M8 螺栓拧紧扭矩为 25±2 N·m [1]，操作见 [操作", "视频](http://evil.example/", "login) 和 <http://evil", ".example/x>。");
        var deltas = new List<string>();

        var answer = await _kb.Answerer.AnswerAsync(new AskRequest("M8 螺栓拧紧扭矩是多少？"), Collect(deltas));

        var streamed = string.Concat(deltas);
        Assert.DoesNotContain("](", streamed);
        Assert.DoesNotContain("<http", streamed);
        Assert.Contains("操作视频 (http://evil.example/login)", streamed);
        Assert.Equal(answer.Answer, streamed);
    }

    private static Func<string, ValueTask> Collect(List<string> deltas) => d =>
    {
        deltas.Add(d);
        return ValueTask.CompletedTask;
    };
}
