using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RagAssistant.Web.Limits;
using RagAssistant.Web.Tests.Hosting;

namespace RagAssistant.Web.Tests.Limits;

/// <summary>
/// Open answers per user (Rag:Limits:StreamsPerUser): a user with every stream open gets 429 for the next one, another
/// user does not; a stream is given back when its caller disconnects, not when the answer would have ended.
/// </summary>
public sealed class StreamLimitTests(StreamLimitTests.App fixture) : IClassFixture<StreamLimitTests.App>
{
    public sealed class App() : LimitedLlmApp(new Dictionary<string, string>
    {
        ["Rag:Limits:StreamsPerUser"] = "2",
        ["Rag:Limits:AsksPerMinute"] = "0",
    });

    private const string Answer = "M8×1.25 螺栓拧紧扭矩为 25±2 N·m [1]。";

    [Fact]
    public async Task Ask_WithTheUsersStreamsAllOpen_Gets429_AnotherUserIsAnswered_AndADisconnectFreesAStream()
    {
        var host = fixture.Host;
        var admission = host.App.Services.GetRequiredService<AnswerAdmission>();
        var release = new TaskCompletionSource();
        try
        {
            host.Llm.EnqueueHeldStream(release.Task, Answer);
            host.Llm.EnqueueHeldStream(release.Task, Answer);
            using var dave = await host.App.KeyClientAsync("dave");
            var first = await dave.AskAsync();
            using var second = await dave.AskAsync();
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.Equal(HttpStatusCode.OK, second.StatusCode);

            await LimitedApps.WaitUntilAsync(() => host.Llm.ChatRequests.Count == 2, "both held answers to reach the LLM");

            using var third = await dave.AskAsync();
            await RateLimitTests.AssertRefusedAsync(third, HttpStatusCode.TooManyRequests, "Rag:Limits:StreamsPerUser");

            host.Llm.EnqueueStream(Answer);
            using var admin = host.App.CreateClient();
            using var other = await admin.AskAsync();
            Assert.Equal(HttpStatusCode.OK, other.StatusCode);
            Assert.Contains(await ServerSentEvents.ReadAllAsync(other), e => e.Name == "done");

            // Dave closes one stream without reading it: the server cancels that answer and gives the stream back.
            first.Dispose();
            await LimitedApps.WaitUntilAsync(() => admission.Answering == 1, "the closed stream's answer to end");
            host.Llm.EnqueueStream(Answer);
            using var again = await dave.AskAsync();
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            Assert.Contains(await ServerSentEvents.ReadAllAsync(again), e => e.Name == "done");
        }
        finally
        {
            release.TrySetResult();
        }
    }
}
