using Microsoft.Data.Sqlite;
using RagAssistant.Core.Storage;
using RagAssistant.Testing;
using static RagAssistant.Testing.ConversationSamples;

namespace RagAssistant.Storage.Sqlite.Tests;

/// <summary>
/// A user-facing write that meets a busy database is retried with backoff instead of failing: here another connection
/// holds the write lock for longer than the store's one-second busy timeout, and the turn is saved once it lets go.
/// </summary>
public sealed class BusyRetryTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    [Fact]
    public async Task ConversationTurn_OutlastingTheBusyTimeout_IsRetried_AndSaved()
    {
        var database = new SqliteDatabase(_folder.File("kb.db"), busyTimeoutSeconds: 1);
        var store = new SqliteConversationStore(database, TimeProvider.System);
        var id = await store.CreateAsync("", "engineer");

        using var other = new SqliteConnection($"Data Source={database.DatabasePath};Pooling=False");
        other.Open();
        var holding = other.BeginTransaction(deferred: false); // BEGIN IMMEDIATE: the write lock
        var release = Task.Run(async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(1.5));
            holding.Commit();
        });

        var turn = await store.AddTurnAsync(id, "主轴转速？", "主轴转速", Answer("950 r/min"));
        await release;

        Assert.Equal(turn, Assert.Single((await store.GetAsync(id))!.Turns).Id);
    }

    [Fact]
    public void Busy_IsFoundInsideTheErrorsThatWrapIt()
    {
        var busy = new SqliteException("database is locked", 5);
        Assert.True(BusyRetry.IsBusy(busy));
        Assert.True(BusyRetry.IsBusy(new KnowledgeBaseException("database x: locked", busy)));
        Assert.True(BusyRetry.IsBusy(new InvalidOperationException("wrapped", new SqliteException("table is locked", 6))));
        Assert.False(BusyRetry.IsBusy(new SqliteException("constraint failed", 19)));
    }

    [Fact]
    public async Task AWriteThatStaysBusy_FailsAfterItsAttempts_WithTheError()
    {
        var tries = 0;
        var error = await Assert.ThrowsAsync<SqliteException>(() => BusyRetry.RunAsync(() =>
        {
            tries++;
            throw new SqliteException("database is locked", 5);
        }));
        Assert.Equal(BusyRetry.Attempts, tries);
        Assert.Equal(5, error.SqliteErrorCode);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
