namespace RagAssistant.Core.Jobs;

/// <summary>
/// A job store several app instances share (the PostgreSQL knowledge base): instead of each instance working the jobs it
/// accepted, every worker of every instance claims the next job under a lease, so one job runs on one instance at a time
/// and the jobs of an instance that crashed or hung are taken over once its lease runs out. The ingestion queue works
/// through this when the store offers it; a SQLite file is one server's, and its queue works the jobs it holds.
/// </summary>
public interface ISharedIngestJobStore : IIngestJobStore
{
    /// <summary>
    /// Takes the oldest unfinished job that no worker holds, or whose holder's lease ran out, for <paramref name="worker"/>
    /// until <paramref name="lease"/> from now; null when there is none. Each job goes to one caller, however many claim at once.
    /// </summary>
    Task<IngestJob?> ClaimNextAsync(string worker, TimeSpan lease, CancellationToken cancellationToken = default);

    /// <summary>Extends the lease on a job <paramref name="worker"/> runs; false when the job has finished (another instance
    /// cancelled it) or the lease was lost to another worker — the worker must then stop and write nothing more.</summary>
    Task<bool> RenewLeaseAsync(Guid id, string worker, TimeSpan lease, CancellationToken cancellationToken = default);
}
