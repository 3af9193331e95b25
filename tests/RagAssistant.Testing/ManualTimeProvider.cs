namespace RagAssistant.Testing;

/// <summary>A clock that stands still until a test moves it, for tests about ordering by time.</summary>
public sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public ManualTimeProvider()
        : this(new DateTimeOffset(2025, 1, 1, 8, 0, 0, TimeSpan.Zero))
    {
    }

    public override DateTimeOffset GetUtcNow() => _now;

    /// <summary>Moves the clock forward and returns the new time.</summary>
    public DateTimeOffset Advance(TimeSpan by) => _now += by;
}
