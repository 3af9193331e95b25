using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RagAssistant.Web.Limits;
using RagAssistant.Web.Tests.Hosting;

namespace RagAssistant.Web.Tests.Limits;

/// <summary>
/// The bound on answers at once (Rag:Limits:ConcurrentAnswers) and its queue (AnswerQueue): one answer held in
/// progress at the scripted LLM, one question waiting, and the next is refused with 503 and Retry-After; the waiting one
/// is answered once the first finishes.
/// </summary>
public sealed class AnswerBoundTests(AnswerBoundTests.App fixture) : IClassFixture<AnswerBoundTests.App>
{
    public sealed class App() : LimitedLlmApp(new Dictionary<string, string>
    {
        ["Rag:Limits:ConcurrentAnswers"] = "1",
        ["Rag:Limits:AnswerQueue"] = "1",
        ["Rag:Limits:BusyRetrySeconds"] = "7",
        ["Rag:Limits:AsksPerMinute"] = "0",
    });

    [Fact]
    public async Task Ask_BeyondConcurrentAnswersAndQueue_Gets503WithRetryAfter_AndTheQueuedQuestionIsAnswered()
    {
        var host = fixture.Host;
        var admission = host.App.Services.GetRequiredService<AnswerAdmission>();
        var release = new TaskCompletionSource();
        host.Llm.EnqueueHeldStream(release.Task, "M8×1.25 螺栓拧紧扭矩为 25±2 N·m [1]。");
        host.Llm.EnqueueStream("M8×1.25 螺栓拧紧扭矩为 25±2 N·m [1]。");
        using var client = host.App.CreateClient();

        using var answering = await client.AskAsync();
        await LimitedApps.WaitUntilAsync(() => host.Llm.ChatRequests.Count == 1, "the first answer to reach the LLM");
        var queued = client.AskAsync();
        await LimitedApps.WaitUntilAsync(() => admission.Waiting == 1, "the second question to wait in the queue");
        using var refused = await client.AskAsync();

        await RateLimitTests.AssertRefusedAsync(refused, HttpStatusCode.ServiceUnavailable, "Rag:Limits:ConcurrentAnswers");
        Assert.Equal(TimeSpan.FromSeconds(7), refused.Headers.RetryAfter!.Delta);
        Assert.False(queued.IsCompleted);

        release.SetResult();
        Assert.Contains(await ServerSentEvents.ReadAllAsync(answering), e => e.Name == "done");
        using var answered = await queued;
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        var done = Assert.Single(await ServerSentEvents.ReadAllAsync(answered), e => e.Name == "done").Data;
        Assert.Equal("llm", done.GetProperty("mode").GetString());
        await LimitedApps.WaitUntilAsync(() => admission.Answering == 0, "every answer slot to be given back");
    }
}
