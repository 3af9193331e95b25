namespace RagAssistant.Core.Scheduling;

/// <summary>
/// Paces one piece of background work, step by step, so that while foreground work is in flight it takes at most
/// <paramref name="share"/> of the time: after a step that took t, the next one waits up to t × (1 − share) / share
/// for the foreground to go idle. Measured on the step itself, so the pace adapts to the machine and the model (a CPU
/// batch of 32 chunks takes a second or two, a GPU batch milliseconds). With no question in flight nothing waits;
/// with a steady stream of them, the work still moves at <paramref name="share"/> of its speed. Not thread-safe: one
/// pacer per piece of work.
/// </summary>
public sealed class BackgroundPacer(ForegroundWork foreground, double share)
{
    private long _stepStarted = -1;

    /// <summary>Call before each step; blocks while foreground work is in flight, for the pause the last step earned.</summary>
    public void BeforeStep(CancellationToken cancellationToken = default)
    {
        if (_stepStarted >= 0 && share < 1)
        {
            var worked = Environment.TickCount64 - _stepStarted;
            foreground.WaitForIdle(TimeSpan.FromMilliseconds(worked * (1 - share) / share), cancellationToken);
        }
        _stepStarted = Environment.TickCount64;
    }
}
