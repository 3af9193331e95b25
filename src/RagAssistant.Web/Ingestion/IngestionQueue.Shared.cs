using RagAssistant.Core.Jobs;
using RagAssistant.Core.Storage;

namespace RagAssistant.Web.Ingestion;

/// <summary>
/// The queue over a store several app instances share (<see cref="ISharedIngestJobStore"/>): workers claim the next job
/// from the store under a lease and renew it while they work; a job whose instance died is claimed again once its lease
/// runs out, and one started <see cref="WebOptions.IngestAttempts"/> times fails as on a single server. The job list is
/// read from the store every <see cref="WebOptions.JobPollSeconds"/>, so a file accepted or finished on another instance
/// shows here too.
/// </summary>
public sealed partial class IngestionQueue
{
    /// <summary>Released when this instance accepts a job, so an idle worker claims it without waiting for the next look.</summary>
    private readonly SemaphoreSlim _claimable = new(0);

    /// <summary>This instance's name on the leases it holds: host, process and a random part (a restarted process is another holder).</summary>
    private readonly string _holder = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    private TimeSpan Lease => TimeSpan.FromSeconds(_options.JobLeaseSeconds);

    private TimeSpan PollInterval => TimeSpan.FromSeconds(_options.JobPollSeconds);

    /// <summary>The stored jobs for the job list; unfinished ones are claimed by whichever worker of any instance comes first.</summary>
    private async Task LoadSharedAsync(CancellationToken ct)
    {
        try
        {
            Follow(await _store.ListAsync(ct));
        }
        catch (KnowledgeBaseException ex)
        {
            Log.JobsNotLoaded(logger, ex.Message);
        }
    }

    private async Task ClaimAndWorkAsync(ISharedIngestJobStore shared, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            IngestJob? claimed;
            try
            {
                claimed = await shared.ClaimNextAsync(_holder, Lease, stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.ClaimFailed(logger, ex.Message); // the database is away: look again later (a worker never dies of it)
                claimed = null;
            }
            if (claimed is null)
            {
                if (!await WaitForClaimableAsync(stopping)) return;
                continue;
            }
            await RunClaimedAsync(shared, claimed, stopping);
        }
    }

    /// <summary>Waits for a job accepted here or the next look at the store; false when the app is stopping.</summary>
    private async Task<bool> WaitForClaimableAsync(CancellationToken stopping)
    {
        try
        {
            await _claimable.WaitAsync(PollInterval, stopping);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task RunClaimedAsync(ISharedIngestJobStore shared, IngestJob claimed, CancellationToken stopping)
    {
        var entry = _entries.GetOrAdd(claimed.Id, _ => new Entry(claimed));
        entry.Job = claimed;
        // A job that was running when its instance died counts that run as an attempt, as a restart does on one server.
        if (OutOfAttempts(entry, claimed)) return;
        if (claimed.IsRunning) Log.JobTakenOver(logger, claimed.FileName);

        entry.RunsHere = true;
        using var leaseLost = new CancellationTokenSource();
        using var done = new CancellationTokenSource();
        using var run = CancellationTokenSource.CreateLinkedTokenSource(stopping, entry.Cancellation.Token, leaseLost.Token);
        var renewing = RenewLeaseAsync(shared, entry, leaseLost, done.Token);
        try
        {
            await RunAsync(entry, run.Token, stopping, leaseLost.Token);
        }
        finally
        {
            await done.CancelAsync();
            await renewing;
            entry.RunsHere = false;
        }
    }

    /// <summary>
    /// Renews the lease every third of its length until the run is done. When the store refuses (the job was cancelled
    /// on another instance, or this one stalled past its lease and another took the job) the run is stopped.
    /// </summary>
    private async Task RenewLeaseAsync(ISharedIngestJobStore shared, Entry entry, CancellationTokenSource leaseLost, CancellationToken done)
    {
        while (true)
        {
            try
            {
                await Task.Delay(Lease / 3, time, done);
                if (await shared.RenewLeaseAsync(entry.Job.Id, _holder, Lease, done)) continue;
                await leaseLost.CancelAsync();
                return;
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database is away for a moment: the lease has two more thirds to run, the next renewal may succeed.
                Log.ClaimFailed(logger, ex.Message);
            }
        }
    }

    /// <summary>Reads the job list from the store every <see cref="PollInterval"/>, until the app stops.</summary>
    private async Task FollowSharedStoreAsync(CancellationToken stopping)
    {
        while (true)
        {
            try
            {
                await Task.Delay(PollInterval, time, stopping);
                Follow(await _store.ListAsync(stopping));
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.JobsNotLoaded(logger, ex.Message);
            }
        }
    }

    /// <summary>
    /// Takes the store's word on every job no worker of this instance runs: new ones are added, changed ones published,
    /// finished ones the store no longer holds (another instance trimmed the history) forgotten. A finished job never
    /// goes back to unfinished here: a list read before this instance finished it is older than what it knows.
    /// </summary>
    private void Follow(IReadOnlyList<IngestJob> stored)
    {
        var ids = new HashSet<Guid>(stored.Count);
        foreach (var job in stored)
        {
            ids.Add(job.Id);
            if (_entries.TryAdd(job.Id, new Entry(job)))
            {
                Publish(job);
                continue;
            }
            if (!_entries.TryGetValue(job.Id, out var entry) || entry.RunsHere) continue;
            var known = entry.Job;
            if (known.IsFinished && !job.IsFinished) continue;
            if (known.State == job.State && known.Attempts == job.Attempts && known.FinishedAt == job.FinishedAt && known.Outcome == job.Outcome) continue;
            entry.Job = job;
            Publish(job);
        }
        foreach (var (id, entry) in _entries)
            if (!ids.Contains(id) && entry.Job.IsFinished && !entry.RunsHere) _entries.TryRemove(id, out _);
    }
}
