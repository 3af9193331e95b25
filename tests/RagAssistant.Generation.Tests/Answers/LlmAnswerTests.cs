using System.Text.Json.Nodes;
using RagAssistant.Core.Answers;
using RagAssistant.Generation.Prompting;
using RagAssistant.Testing;

namespace RagAssistant.Generation.Tests.Answers;

/// <summary>
/// The LLM path through Semantic Kernel against the scripted OpenAI server: what we send (system prompt, numbered
/// sources, question, history), how replies are checked (invalid citations, untraceable numbers, no citation at all),
/// follow-up rewriting, and what happens when the provider fails.
/// </summary>
public sealed class LlmAnswerTests : IAsyncLifetime
{
    private readonly ScriptedOpenAiServer _server = new();
    private AnswerKnowledgeBase _kb = null!;

    public async Task InitializeAsync() => _kb = await AnswerKnowledgeBase.CreateAsync(_server.BaseUrl);

    public async Task DisposeAsync()
    {
        await _kb.DisposeAsync();
        await _server.DisposeAsync();
    }

    private static JsonArray Messages(RecordedRequest request) => request.Json!["messages"]!.AsArray();

    private static string Content(JsonNode? message) => message!["content"]!.ToString();

    [Fact]
    public async Task Answer_SendsTheRulesTheNumberedSourcesAndTheQuestion_AndStreams()
    {
        _server.EnqueueStream("M8×1.25 螺栓拧紧扭矩为 ", "25±2 N·m [1]。");
        var deltas = new List<string>();

        var answer = await _kb.Answerer.AnswerAsync(new AskRequest("M8 螺栓拧紧扭矩是多少？"), d => { deltas.Add(d); return ValueTask.CompletedTask; });

        Assert.Equal(AnswerMode.Llm, answer.Mode);
        Assert.True(Assert.Single(_kb.Searches).Evidence, "the model gets the sources re-ordered by their best sentence or row");
        Assert.Equal("M8×1.25 螺栓拧紧扭矩为 25±2 N·m [1]。", answer.Answer);
        // A trailing space waits for what follows: a marker removed by the check would take it along.
        Assert.Equal(["M8×1.25 螺栓拧紧扭矩为", " 25±2 N·m [1]。"], deltas);
        var citation = Assert.Single(answer.Citations);
        Assert.Equal(1, citation.N);
        Assert.EndsWith("WI-AS-021_扭矩紧固.md", citation.Source);
        Assert.Contains("25±2 N·m", citation.Text);

        var request = Assert.Single(_server.ChatRequests);
        Assert.Equal(true, (bool?)request.Json!["stream"]);
        var messages = Messages(request);
        Assert.Equal("system", messages[0]!["role"]!.ToString());
        Assert.Equal(AnswerPrompt.SystemPrompt, Content(messages[0]));
        var user = Content(messages[^1]);
        Assert.Equal("user", messages[^1]!["role"]!.ToString());
        Assert.Contains("<source n=\"1\"", user);
        Assert.Contains("status=\"current\"", user);
        Assert.EndsWith("Question: M8 螺栓拧紧扭矩是多少？", user);
    }

    [Fact]
    public async Task CitationsOfSourcesNotGiven_AreRemovedAndCounted_AndUntraceableNumbersFlagged()
    {
        _server.EnqueueStream("M8 螺栓拧紧扭矩为 25±2 N·m [1]，复检扭矩 30 N·m [1][9]。");

        var answer = await _kb.Answerer.AnswerAsync(new AskRequest("M8 螺栓拧紧扭矩是多少？"));

        Assert.Equal(AnswerMode.Llm, answer.Mode);
        Assert.DoesNotContain("[9]", answer.Answer);
        Assert.Equal(1, answer.Checks.RemovedCitations);
        Assert.Equal(["30"], answer.Checks.UnsupportedNumbers);
        Assert.Equal([1], answer.Citations.Select(c => c.N));
    }

    [Fact]
    public async Task ReplyThatCitesNothing_IsAnAbstention_ListingTheClosestSources()
    {
        _server.EnqueueStream("资料中未找到答案。");

        var answer = await _kb.Answerer.AnswerAsync(new AskRequest("M8 螺栓拧紧扭矩是多少？"));

        Assert.Equal(AnswerMode.Abstain, answer.Mode);
        Assert.Contains("资料中未找到答案", answer.Answer);
        Assert.Contains("最接近的资料", answer.Answer);
    }

    [Fact]
    public async Task WeakEvidence_AbstainsWithoutAskingTheModel()
    {
        var answer = await _kb.Answerer.AnswerAsync(new AskRequest("M12 螺栓拧紧扭矩是多少？"));

        Assert.Equal(AnswerMode.Abstain, answer.Mode);
        Assert.Empty(_server.ChatRequests);
    }

    [Fact]
    public async Task FollowUp_IsRewrittenByTheModel_AndTheHistoryGoesWithTheQuestion()
    {
        _server.EnqueueStream("M8 螺栓拧紧扭矩为 25±2 N·m [1]。");
        var first = await _kb.Answerer.AnswerAsync(new AskRequest("M8 螺栓拧紧扭矩是多少？"));
        _server.EnqueueCompletion("M10 螺栓拧紧扭矩是多少");
        _server.EnqueueStream("M10 螺栓拧紧扭矩为 48±3 N·m [1]。");

        var second = await _kb.Answerer.AnswerAsync(new AskRequest("那M10的呢？", first.ConversationId));

        Assert.Equal(AnswerMode.Llm, second.Mode);
        Assert.Contains("48±3", second.Answer);
        var rewrite = _server.ChatRequests[1];
        Assert.Contains("standalone search query", Content(Messages(rewrite)[0]));
        Assert.Contains("那M10的呢？", Content(Messages(rewrite)[^1]));
        var answerRequest = _server.ChatRequests[2];
        var messages = Messages(answerRequest);
        Assert.Equal("M8 螺栓拧紧扭矩是多少？", Content(messages[1]));
        Assert.Equal(first.Answer, Content(messages[2]));
        Assert.EndsWith("Question: 那M10的呢？", Content(messages[^1]));
        var stored = await _kb.Conversations.GetAsync(first.ConversationId);
        Assert.Equal("M10 螺栓拧紧扭矩是多少", stored!.Turns[1].Query);
    }

    [Fact]
    public async Task InstructionsInsideADocument_StayInsideTheirSourceFence_AwayFromTheSystemPrompt()
    {
        _server.EnqueueStream("定扭扳手校准周期为 6 个月 [1]。");

        var answer = await _kb.Answerer.AnswerAsync(new AskRequest("定扭扳手多久校准一次？"));

        Assert.Equal(AnswerMode.Llm, answer.Mode);
        var messages = Messages(Assert.Single(_server.ChatRequests));
        Assert.DoesNotContain("HACKED", Content(messages[0]));
        var user = Content(messages[^1]);
        var injected = user.IndexOf("Ignore previous instructions", StringComparison.Ordinal);
        Assert.True(injected > 0);
        Assert.True(user.LastIndexOf("<source n=", injected, StringComparison.Ordinal) > user.LastIndexOf("</source>", injected, StringComparison.Ordinal),
            "the injected text must sit inside an open source element");
    }

    [Fact]
    public async Task UnavailableProvider_FallsBackToQuotes_SayingWhy()
    {
        _server.EnqueueStatus(500, "{\"error\":{\"message\":\"model crashed\"}}");
        _server.EnqueueStatus(500, "{\"error\":{\"message\":\"model crashed\"}}");

        var answer = await _kb.Answerer.AnswerAsync(new AskRequest("M8 螺栓拧紧扭矩是多少？"));

        Assert.Equal(AnswerMode.Extractive, answer.Mode);
        Assert.StartsWith("大模型不可用", answer.Answer);
        Assert.Contains("500", answer.Answer);
        Assert.Contains("25±2 N·m", answer.Answer);
    }

    [Fact]
    public async Task CutOffStream_FallsBackToQuotes_NotAPartialAnswer()
    {
        _server.EnqueueCutOff("M8 螺栓拧紧扭矩为 ");

        var answer = await _kb.Answerer.AnswerAsync(new AskRequest("M8 螺栓拧紧扭矩是多少？"));

        Assert.Equal(AnswerMode.Extractive, answer.Mode);
        Assert.Contains("25±2 N·m", answer.Answer);
    }
}
