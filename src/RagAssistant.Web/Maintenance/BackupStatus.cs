using RagAssistant.Storage.Sqlite;

namespace RagAssistant.Web.Maintenance;

/// <summary>What the status page shows about scheduled backups: the folder, the last backup, the last failure, the next due time.</summary>
public sealed class BackupStatus
{
    private readonly Lock _lock = new();
    private State _state = new(false, null, null, null, null);

    public sealed record State(bool Enabled, string? Folder, BackupResult? Last, BackupFailure? LastFailure, DateTimeOffset? NextDue);

    public sealed record BackupFailure(DateTimeOffset At, string Message);

    public State Current
    {
        get { lock (_lock) return _state; }
    }

    internal void Update(Func<State, State> change)
    {
        lock (_lock) _state = change(_state);
    }
}
