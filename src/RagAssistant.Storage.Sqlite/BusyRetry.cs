using Microsoft.Data.Sqlite;

namespace RagAssistant.Storage.Sqlite;

/// <summary>
/// Retries a user-facing write (a conversation turn, feedback, an audit line, an API key's last use) when the database
/// answered "busy" or "locked": another writer held the lock beyond the connection's busy timeout, or a read snapshot
/// could not be upgraded to a write (WAL's SQLITE_BUSY_SNAPSHOT, which is returned at once, without waiting). The write
/// is tried again after a growing pause with some jitter, so two writers that collided do not collide again, and only
/// after <see cref="Attempts"/> tries does the error reach the caller. Ingestion and re-embedding keep their
/// transactions short, so in practice the first retry succeeds.
/// </summary>
public static class BusyRetry
{
    /// <summary>Tries in all, the first included.</summary>
    public const int Attempts = 5;

    private static readonly TimeSpan[] Pauses =
        [TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(800), TimeSpan.FromSeconds(2)];

    public static async Task<T> RunAsync<T>(Func<Task<T>> write, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await write();
            }
            catch (Exception ex) when (attempt < Attempts && IsBusy(ex))
            {
                var pause = Pauses[Math.Min(attempt - 1, Pauses.Length - 1)];
                await Task.Delay(pause + TimeSpan.FromMilliseconds(Random.Shared.Next(0, 50)), cancellationToken);
            }
        }
    }

    public static Task RunAsync(Func<Task> write, CancellationToken cancellationToken = default) =>
        RunAsync(async () =>
        {
            await write();
            return true;
        }, cancellationToken);

    /// <summary>Whether the error, or one it wraps (EF Core's DbUpdateException, our KnowledgeBaseException), is SQLITE_BUSY or SQLITE_LOCKED.</summary>
    public static bool IsBusy(Exception exception)
    {
        for (var ex = exception; ex is not null; ex = ex.InnerException)
            if (ex is SqliteException { SqliteErrorCode: 5 or 6 }) return true; // SQLITE_BUSY, SQLITE_LOCKED (extended codes keep the low byte)
        return false;
    }
}
