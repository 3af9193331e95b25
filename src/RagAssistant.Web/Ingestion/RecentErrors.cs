namespace RagAssistant.Web.Ingestion;

/// <summary>The last errors the app met (failed files, failed answers), newest first, for the status page.</summary>
public sealed class RecentErrors(TimeProvider time)
{
    private const int Keep = 50;
    private readonly LinkedList<RecentError> _errors = new();
    private readonly Lock _lock = new();

    public void Add(string where, string message)
    {
        lock (_lock)
        {
            _errors.AddFirst(new RecentError(time.GetUtcNow(), where, message));
            while (_errors.Count > Keep) _errors.RemoveLast();
        }
    }

    public IReadOnlyList<RecentError> List()
    {
        lock (_lock) return _errors.ToList();
    }
}

public sealed record RecentError(DateTimeOffset At, string Where, string Message);
