namespace RagAssistant.Web.Components.Library;

/// <summary>
/// The queue strip's overall progress over the jobs it lists: "13/22 done, 1 failed". A job counts as done once it has
/// finished, whatever its end (stored, skipped, failed, cancelled), so the bar reaches its end when nothing waits; the
/// failures are counted again on their own, since they are what the engineer must act on.
/// </summary>
public sealed record QueueProgress(int Total, int Finished, int Failed)
{
    public static QueueProgress Of(IReadOnlyCollection<IngestJob> jobs) =>
        new(jobs.Count, jobs.Count(j => j.IsFinished), jobs.Count(j => j.State == IngestJobState.Failed));

    /// <summary>Jobs waiting or being read.</summary>
    public int Running => Total - Finished;

    public double Percent => Total == 0 ? 0 : 100.0 * Finished / Total;
}
