namespace RagAssistant.Core.Scheduling;

/// <summary>
/// Counts the work someone is waiting for — questions being answered, searches — so background work (ingestion,
/// re-embedding) can step aside while there is any: on a plant server with two cores, an 800-page manual being
/// embedded must not make every question wait. Background work calls <see cref="WaitForIdle"/> between its steps
/// (each embedding batch); the wait is bounded, so a steady stream of questions slows ingestion down but never stops it.
/// One instance per process (a DI singleton).
/// </summary>
public sealed class ForegroundWork
{
    private readonly object _lock = new(); // a Monitor, not a Lock: waiters are woken with Monitor.Wait/PulseAll
    private int _inFlight;

    /// <summary>Foreground operations running now.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>Marks one foreground operation; dispose the result when it ends.</summary>
    public IDisposable Begin()
    {
        Interlocked.Increment(ref _inFlight);
        return new Scope(this);
    }

    /// <summary>
    /// Blocks the calling (background) thread until no foreground work is in flight, or <paramref name="atMost"/> has
    /// passed; true when it found the foreground idle.
    /// </summary>
    public bool WaitForIdle(TimeSpan atMost, CancellationToken cancellationToken = default)
    {
        if (InFlight == 0) return true;
        var deadline = Environment.TickCount64 + (long)atMost.TotalMilliseconds;
        lock (_lock)
        {
            while (InFlight > 0)
            {
                var left = deadline - Environment.TickCount64;
                if (left <= 0) return false;
                cancellationToken.ThrowIfCancellationRequested();
                // Woken by End; the short slice keeps cancellation responsive.
                Monitor.Wait(_lock, (int)Math.Min(left, 100));
            }
        }
        return true;
    }

    private void End()
    {
        if (Interlocked.Decrement(ref _inFlight) != 0) return;
        lock (_lock) Monitor.PulseAll(_lock);
    }

    private sealed class Scope(ForegroundWork owner) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) owner.End();
        }
    }
}
