using RagAssistant.Core.Scheduling;

namespace RagAssistant.Core.Tests;

/// <summary>Background work paced to a share of the time while foreground work is in flight, and not at all when it is idle.</summary>
public sealed class BackgroundPacerTests
{
    [Fact]
    public async Task WhileAQuestionIsInFlight_TheNextStepWaits_UntilTheQuestionEnds()
    {
        var foreground = new ForegroundWork();
        var pacer = new BackgroundPacer(foreground, share: 0.05); // a step earns a pause 19 times its length
        pacer.BeforeStep();
        await Task.Delay(300); // the step

        var question = foreground.Begin();
        var next = Task.Run(() => pacer.BeforeStep());
        await Task.Delay(50);
        Assert.False(next.IsCompleted, "the next step did not wait for the question");
        question.Dispose();
        await next.WaitAsync(TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task WithNoQuestionInFlight_OrAShareOfOne_StepsNeverWait()
    {
        var foreground = new ForegroundWork();
        var idle = new BackgroundPacer(foreground, share: 0.05);
        idle.BeforeStep();
        await Task.Delay(100);
        await Task.Run(() => idle.BeforeStep()).WaitAsync(TimeSpan.FromSeconds(30)); // no foreground: at once

        using var question = foreground.Begin();
        var unpaced = new BackgroundPacer(foreground, share: 1);
        unpaced.BeforeStep();
        await Task.Delay(100);
        await Task.Run(() => unpaced.BeforeStep()).WaitAsync(TimeSpan.FromSeconds(30)); // share 1: only the session's priority
        Assert.Equal(1, foreground.InFlight);
    }
}
