using System.Net;
using System.Net.Sockets;
using RagAssistant.Core.Answers;
using RagAssistant.Generation.Tests.Answers;
using RagAssistant.Testing;

namespace RagAssistant.Generation.Tests.Security;

/// <summary>
/// Issue #19: when the language model fails, the answer says so in plain words (HTTP 500, timed out, refused the
/// connection) — never with the endpoint's address or what the upstream server wrote back, which may name internal
/// hosts or echo a key. That detail is for the server log.
/// </summary>
public sealed class LlmErrorDisclosureTests
{
    private const string Secret = "sk-live-4f9c2e7d1b8a3c6e";
    private const string InternalHost = "gpu-07.corp.internal";

    [Fact]
    public async Task HttpError_IsReportedByItsStatus_WithoutTheEndpointOrTheUpstreamBody()
    {
        await using var server = new ScriptedOpenAiServer();
        await using var kb = await AnswerKnowledgeBase.CreateAsync(server.BaseUrl);
        var body = $$$"""{"error":{"message":"upstream {{{InternalHost}}} rejected key {{{Secret}}}"}}""";
        server.EnqueueStatus(500, body);
        server.EnqueueStatus(500, body);

        var answer = await kb.Answerer.AnswerAsync(new AskRequest("M8 螺栓拧紧扭矩是多少？"));

        Assert.Equal(AnswerMode.Extractive, answer.Mode);
        Assert.Contains("HTTP 500", answer.Answer);
        Assert.Contains("25±2 N·m", answer.Answer);
        AssertDisclosesNothing(answer.Answer, server.Port);
        var stored = await kb.Conversations.GetAsync(answer.ConversationId);
        AssertDisclosesNothing(stored!.Turns[^1].Answer.Answer, server.Port);
    }

    [Fact]
    public async Task RefusedConnection_IsReportedAsSuch_WithoutTheEndpoint()
    {
        var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        await using var kb = await AnswerKnowledgeBase.CreateAsync(new Uri($"http://127.0.0.1:{port}/v1"));

        var answer = await kb.Answerer.AnswerAsync(new AskRequest("M8 螺栓拧紧扭矩是多少？"));

        Assert.Equal(AnswerMode.Extractive, answer.Mode);
        Assert.Contains("refused the connection", answer.Answer);
        AssertDisclosesNothing(answer.Answer, port);
    }

    private static void AssertDisclosesNothing(string text, int port)
    {
        Assert.DoesNotContain("127.0.0.1", text);
        Assert.DoesNotContain($":{port}", text);
        Assert.DoesNotContain("/v1", text);
        Assert.DoesNotContain(Secret, text);
        Assert.DoesNotContain(InternalHost, text);
    }
}
