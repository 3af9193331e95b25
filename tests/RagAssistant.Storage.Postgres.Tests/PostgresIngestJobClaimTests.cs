using RagAssistant.Core.Jobs;
using RagAssistant.Testing;

namespace RagAssistant.Storage.Postgres.Tests;

/// <summary>One ingestion queue shared by app instances: jobs claimed with FOR UPDATE SKIP LOCKED under a lease.</summary>
public sealed class PostgresIngestJobClaimTests : IAsyncLifetime
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private readonly List<PostgresDatabase> _databases = [];
    private string _connectionString = "";

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var database in _databases) await database.DisposeAsync();
    }

    /// <summary>The job store as one app instance opens it (its own pool).</summary>
    private async Task<PostgresIngestJobStore> InstanceAsync()
    {
        if (_connectionString.Length == 0) _connectionString = await SharedPostgres.NewDatabaseAsync();
        var database = new PostgresDatabase(_connectionString);
        _databases.Add(database);
        return new PostgresIngestJobStore(database);
    }

    private static async Task<List<IngestJob>> QueueAsync(PostgresIngestJobStore store, int count)
    {
        var start = new DateTimeOffset(2026, 12, 6, 8, 0, 0, TimeSpan.Zero);
        var jobs = Enumerable.Range(0, count).Select(i => new IngestJob(Guid.NewGuid(), $"f{i}.md", "plant1", 1, start.AddSeconds(i))).ToList();
        foreach (var job in jobs) await store.AddAsync(job, new QueuedFile([1]));
        return jobs;
    }

    [SkippableFact]
    public async Task InstancesClaimingAtOnce_TakeEveryJobExactlyOnce()
    {
        var first = await InstanceAsync();
        var jobs = await QueueAsync(first, 40);
        var instances = new[] { first, await InstanceAsync(), await InstanceAsync() };

        var claims = await Task.WhenAll(instances.Select((store, i) => Task.Run(async () =>
        {
            var taken = new List<Guid>();
            while (await store.ClaimNextAsync($"instance-{i}", Minute) is { } job) taken.Add(job.Id);
            return taken;
        })));

        var all = claims.SelectMany(c => c).ToList();
        Assert.Equal(jobs.Count, all.Count);
        Assert.Equal(jobs.Select(j => j.Id).Order(), all.Order());
        Assert.Null(await first.ClaimNextAsync("late", Minute));
    }

    [SkippableFact]
    public async Task Claims_TakeTheOldestJobFirst_AndNeverAFinishedOne()
    {
        var store = await InstanceAsync();
        var jobs = await QueueAsync(store, 3);
        await store.SaveAsync(jobs[0] with { State = IngestJobState.Done, Outcome = "ingested", FinishedAt = DateTimeOffset.UtcNow });

        Assert.Equal(jobs[1].Id, (await store.ClaimNextAsync("a", Minute))!.Id);
        Assert.Equal(jobs[2].Id, (await store.ClaimNextAsync("a", Minute))!.Id);
        Assert.Null(await store.ClaimNextAsync("a", Minute));
    }

    [SkippableFact]
    public async Task AnExpiredLease_IsTakenOverByAnotherInstance_AndTheFirstHolderLosesIt()
    {
        var crashed = await InstanceAsync();
        var job = Assert.Single(await QueueAsync(crashed, 1));
        var survivor = await InstanceAsync();
        var lease = TimeSpan.FromMilliseconds(300);

        Assert.Equal(job.Id, (await crashed.ClaimNextAsync("crashed", lease))!.Id);
        Assert.Null(await survivor.ClaimNextAsync("survivor", Minute));
        Assert.True(await crashed.RenewLeaseAsync(job.Id, "crashed", lease));

        await Task.Delay(lease * 2);

        var taken = await survivor.ClaimNextAsync("survivor", Minute);
        Assert.Equal(job.Id, taken!.Id);
        Assert.Equal(job.FileName, taken.FileName);
        Assert.False(await crashed.RenewLeaseAsync(job.Id, "crashed", lease));
        Assert.True(await survivor.RenewLeaseAsync(job.Id, "survivor", Minute));
        Assert.Null(await crashed.ClaimNextAsync("crashed", lease));
    }

    [SkippableFact]
    public async Task AJobSavedBackToQueued_GivesUpItsLease_SoAnotherInstanceTakesItAtOnce()
    {
        var stopping = await InstanceAsync();
        var job = Assert.Single(await QueueAsync(stopping, 1));
        var other = await InstanceAsync();
        var claimed = (await stopping.ClaimNextAsync("stopping", Minute))!;
        await stopping.SaveAsync(claimed with { State = IngestJobState.Parsing, Attempts = 1 });
        Assert.Null(await other.ClaimNextAsync("other", Minute));

        await stopping.SaveAsync(claimed with { State = IngestJobState.Queued, Attempts = 0 });

        Assert.Equal(job.Id, (await other.ClaimNextAsync("other", Minute))?.Id);
        Assert.False(await stopping.RenewLeaseAsync(job.Id, "stopping", Minute));
    }

    [SkippableFact]
    public async Task BadArguments_AreRefusedBeforeTheDatabase()
    {
        var store = await InstanceAsync();
        await Assert.ThrowsAsync<ArgumentException>(() => store.ClaimNextAsync(" ", Minute));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.ClaimNextAsync("a", TimeSpan.Zero));
    }
}
