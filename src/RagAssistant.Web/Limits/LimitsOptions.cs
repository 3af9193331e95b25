using System.ComponentModel.DataAnnotations;

namespace RagAssistant.Web.Limits;

/// <summary>
/// Bounds on load, bound from <c>Rag:Limits</c> and the same for the browser and the HTTP API, cookie or API key: per-user
/// rates of questions and uploads (token buckets: a burst, then a steady rate), a bound on answers computed at once with
/// a short queue, and a bound on answers one user has open at once. The defaults are far above what people typing
/// questions reach (a question every second, all day) and stop only runaway scripts and floods. 0 turns a bound off
/// where that makes sense.
/// </summary>
public sealed class LimitsOptions
{
    public const string Section = "Rag:Limits";

    /// <summary>Questions one user may ask per minute, steadily (then 429). Default 60; 0 = no limit.</summary>
    [Range(0, 1_000_000)]
    public int AsksPerMinute { get; set; } = 60;

    /// <summary>Questions one user may ask at once before the per-minute rate applies. Default 20.</summary>
    [Range(1, 1_000_000)]
    public int AskBurst { get; set; } = 20;

    /// <summary>Uploads (requests, each with up to Rag:Web:MaxFilesPerUpload files) one user may send per minute (then 429). Default 30; 0 = no limit.</summary>
    [Range(0, 1_000_000)]
    public int UploadsPerMinute { get; set; } = 30;

    /// <summary>Uploads one user may send at once before the per-minute rate applies. Default 10.</summary>
    [Range(1, 1_000_000)]
    public int UploadBurst { get; set; } = 10;

    /// <summary>
    /// Answers computed at the same time over all users; more wait in <see cref="AnswerQueue"/>. Default 32: retrieval
    /// is CPU-bound and gains nothing from more, and an LLM server batches about that many. 0 = no bound.
    /// </summary>
    [Range(0, 100_000)]
    public int ConcurrentAnswers { get; set; } = 32;

    /// <summary>Questions that may wait for a free answer slot, oldest first; beyond it a question is refused at once (503). Default 64.</summary>
    [Range(0, 1_000_000)]
    public int AnswerQueue { get; set; } = 64;

    /// <summary>Answers (API streams, browser tabs) one user may have open at once, waiting or answering (then 429). Default 8; 0 = no limit.</summary>
    [Range(0, 100_000)]
    public int StreamsPerUser { get; set; } = 8;

    /// <summary>The Retry-After sent when every answer slot and the queue are taken, in seconds: about one answer's time. Default 5.</summary>
    [Range(1, 3600)]
    public int BusyRetrySeconds { get; set; } = 5;
}
