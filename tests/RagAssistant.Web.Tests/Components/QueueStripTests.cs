using Bunit;
using RagAssistant.Core.Access;
using RagAssistant.Core.Jobs;
using RagAssistant.Web.Components.Library;
using RagAssistant.Web.Localization;

namespace RagAssistant.Web.Tests.Components;

public sealed class QueueStripTests : ComponentTest
{
    private static readonly AccessScope Editor = new("editor", null, null);

    [Fact]
    public void Strip_CountsFinishedAndFailedJobs_InChinese()
    {
        var strip = Render(Jobs(done: 12, failed: 1, queued: 9));

        Assert.Equal("13/22 完成，1 个失败，9 个进行中", strip.Find("[data-testid=queue-progress]").TextContent);
        Assert.Equal("22", strip.Find("[data-testid=queue-strip]").GetAttribute("data-total"));
        Assert.Equal("1", strip.Find("[data-testid=queue-strip]").GetAttribute("data-failed"));
    }

    [Fact]
    public void Strip_CountsInEnglish_AndLeavesOutWhatIsZero()
    {
        var strip = Render(Jobs(done: 3, failed: 0, queued: 0), UiText.English);

        Assert.Equal("3/3 done", strip.Find("[data-testid=queue-progress]").TextContent);
    }

    [Fact]
    public void Strip_IsClosedWhenNothingRuns_AndOpensOnClickOntoTheJobList()
    {
        var strip = Render(Jobs(done: 2, failed: 1, queued: 0));

        Assert.Equal("false", strip.Find("[data-testid=queue-toggle]").GetAttribute("aria-expanded"));
        Assert.Empty(strip.FindAll("[data-testid=job]"));

        strip.Find("[data-testid=queue-toggle]").Click();

        Assert.Equal("true", strip.Find("[data-testid=queue-toggle]").GetAttribute("aria-expanded"));
        Assert.Equal(3, strip.FindAll("[data-testid=job]").Count);
        Assert.Equal("3/3 完成，1 个失败", strip.Find("[data-testid=queue-progress]").TextContent);
    }

    [Fact]
    public void Strip_OpensByItselfWhileFilesRun_UntilTheViewerClosesIt()
    {
        var strip = Render(Jobs(done: 2, failed: 0, queued: 0));
        Assert.Equal("false", strip.Find("[data-testid=queue-toggle]").GetAttribute("aria-expanded"));

        strip.Render(p => p.Add(s => s.Jobs, Jobs(done: 2, failed: 0, queued: 1)));
        Assert.Equal("true", strip.Find("[data-testid=queue-toggle]").GetAttribute("aria-expanded"));

        strip.Find("[data-testid=queue-toggle]").Click();
        strip.Render(p => p.Add(s => s.Jobs, Jobs(done: 2, failed: 0, queued: 2)));
        Assert.Equal("false", strip.Find("[data-testid=queue-toggle]").GetAttribute("aria-expanded"));
    }

    [Fact]
    public void Strip_IsAbsentWithoutJobs() => Assert.Empty(Render([]).FindAll("[data-testid=queue-strip]"));

    [Fact]
    public void JobOutcome_IsShownInWords()
    {
        var replaced = new IngestJob(Guid.NewGuid(), "card.md", "default", 10, DateTimeOffset.UtcNow) { State = IngestJobState.Done, Outcome = "replaced" };
        var strip = Render([replaced]);
        strip.Find("[data-testid=queue-toggle]").Click();

        Assert.Equal("(已替换)", strip.Find("[data-testid=job-outcome]").TextContent);
        Assert.Contains("默认库", strip.Find("[data-testid=job]").TextContent);
    }

    private IRenderedComponent<QueueStrip> Render(IReadOnlyList<IngestJob> jobs, UiText? text = null) =>
        RenderWithText<QueueStrip>(p => p.Add(s => s.Jobs, jobs).Add(s => s.Scope, Editor), text);

    private static List<IngestJob> Jobs(int done, int failed, int queued)
    {
        var now = DateTimeOffset.UtcNow;
        IngestJob Job(int i, IngestJobState state) => new(Guid.NewGuid(), $"file-{i}.md", "default", 100, now.AddSeconds(-i)) { State = state };
        return Enumerable.Range(0, done).Select(i => Job(i, IngestJobState.Done))
            .Concat(Enumerable.Range(done, failed).Select(i => Job(i, IngestJobState.Failed) with { Reason = "not a document" }))
            .Concat(Enumerable.Range(done + failed, queued).Select(i => Job(i, IngestJobState.Queued)))
            .ToList();
    }
}
