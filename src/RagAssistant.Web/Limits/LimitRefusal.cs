namespace RagAssistant.Web.Limits;

/// <summary>Which bound refused a request.</summary>
public enum LimitKind
{
    /// <summary>The user asked faster than <see cref="LimitsOptions.AsksPerMinute"/> (429).</summary>
    AskRate,

    /// <summary>The user uploaded faster than <see cref="LimitsOptions.UploadsPerMinute"/> (429).</summary>
    UploadRate,

    /// <summary>The user already has <see cref="LimitsOptions.StreamsPerUser"/> answers open (429).</summary>
    OpenAnswers,

    /// <summary>Every answer slot and the queue are taken (503).</summary>
    Busy,
}

/// <summary>
/// Why a question or an upload was not taken: the bound, the setting that sets it and its value, and when to try
/// again. The API sends <see cref="Message"/> (English, naming the setting); the pages show their own localized text.
/// </summary>
/// <param name="Allowed">The bound's value: per minute for rates, a count otherwise.</param>
/// <param name="Queue">For <see cref="LimitKind.Busy"/>: the queue length that was full.</param>
public sealed record LimitRefusal(LimitKind Kind, string Setting, int Allowed, TimeSpan RetryAfter, int Queue = 0)
{
    /// <summary>429 for the user's own bounds, 503 when the server as a whole is full.</summary>
    public int StatusCode => Kind == LimitKind.Busy ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status429TooManyRequests;

    /// <summary>Whole seconds for Retry-After, at least 1 (0 would invite an immediate retry that fails again).</summary>
    public int RetryAfterSeconds => Math.Max(1, (int)Math.Ceiling(RetryAfter.TotalSeconds));

    public string Message => Kind switch
    {
        LimitKind.AskRate => $"too many questions: at most {Allowed} a minute per user ({Setting}); retry after {RetryAfterSeconds} s",
        LimitKind.UploadRate => $"too many uploads: at most {Allowed} a minute per user ({Setting}); retry after {RetryAfterSeconds} s",
        LimitKind.OpenAnswers => $"this user already has {Allowed} answers open, the most allowed ({Setting}); wait until one finishes",
        _ => $"the server is busy: {Allowed} answers at once and {Queue} waiting, the most allowed ({Setting}); retry after {RetryAfterSeconds} s",
    };
}
