using System.ComponentModel.DataAnnotations;

namespace RagAssistant.Web;

/// <summary>The web app's own settings, bound from <c>Rag:Web</c>.</summary>
public sealed class WebOptions
{
    public const string Section = "Rag:Web";

    /// <summary>
    /// Documents ingested in the background on first start, when the knowledge base is empty. Relative paths are
    /// taken from the working directory, then from the folders above the app. Default <c>corpus/docs</c>; empty turns it off.
    /// </summary>
    public string SampleCorpus { get; set; } = "corpus/docs";

    /// <summary>How many files may wait in the ingestion queue; an upload beyond it is refused with a clear reason. Default 200.</summary>
    [Range(1, 100_000)]
    public int QueueCapacity { get; set; } = 200;

    /// <summary>Files ingested at the same time. Default 1: embedding already uses every core.</summary>
    [Range(1, 64)]
    public int IngestParallelism { get; set; } = 1;

    /// <summary>
    /// Bytes of queued files held in memory at most (uploads wait in memory until their turn); a file beyond it is
    /// refused with the reason. Also the largest HTTP upload accepted. Default 1 GiB.
    /// </summary>
    [Range(1_048_576, long.MaxValue)]
    public long MaxQueuedBytes { get; set; } = 1L << 30;

    /// <summary>Files one upload may carry. Default 100.</summary>
    [Range(1, 10_000)]
    public int MaxFilesPerUpload { get; set; } = 100;

    /// <summary>Mark the sign-in cookie Secure always (behind a TLS-terminating proxy); otherwise it is Secure when the request is HTTPS.</summary>
    public bool SecureCookies { get; set; }

    /// <summary>Hours a sign-in lasts without activity (sliding). Default 12: one shift.</summary>
    [Range(1, 24 * 90)]
    public int SessionHours { get; set; } = 12;

    /// <summary>
    /// How many times an ingestion job is started before it is given up: a job still running when the app stopped
    /// (killed, crashed, out of memory) is started again on the next start, up to this many times in all. Default 3.
    /// </summary>
    [Range(1, 100)]
    public int IngestAttempts { get; set; } = 3;

    /// <summary>Finished ingestion jobs remembered for the library page and the status page. Default 500.</summary>
    [Range(10, 100_000)]
    public int JobHistory { get; set; } = 500;

    /// <summary>
    /// With several app instances on one PostgreSQL knowledge base: seconds a claimed ingestion job stays with the
    /// instance that claimed it without word from it. The instance renews it every third of this while it works; when an
    /// instance dies, another takes its job over this long after. Default 60.
    /// </summary>
    [Range(2, 3600)]
    public int JobLeaseSeconds { get; set; } = 60;

    /// <summary>
    /// With several app instances on one PostgreSQL knowledge base: seconds between looks at the shared queue for jobs
    /// other instances accepted, and at the job list they changed. Default 2.
    /// </summary>
    [Range(0.1, 600)]
    public double JobPollSeconds { get; set; } = 2;
}
