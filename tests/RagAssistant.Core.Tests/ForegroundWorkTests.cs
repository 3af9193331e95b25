using RagAssistant.Core.Scheduling;

namespace RagAssistant.Core.Tests;

/// <summary>Background work waits while foreground work (questions, searches) is in flight, for at most the pause it names.</summary>
public sealed class ForegroundWorkTests
{
    [Fact]
    public async Task BackgroundWork_WaitsWhileForegroundIsInFlight_AndGoesOnWhenItEnds()
    {
        var foreground = new ForegroundWork();
        var question = foreground.Begin();
        Assert.False(foreground.WaitForIdle(TimeSpan.FromMilliseconds(50)));

        var waiting = Task.Run(() => foreground.WaitForIdle(TimeSpan.FromMinutes(1)));
        question.Dispose();
        Assert.True(await waiting.WaitAsync(TimeSpan.FromMinutes(1)));
        Assert.Equal(0, foreground.InFlight);
        question.Dispose(); // a second dispose does not count twice
        Assert.Equal(0, foreground.InFlight);
    }
}
