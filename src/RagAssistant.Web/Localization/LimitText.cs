using RagAssistant.Web.Limits;

namespace RagAssistant.Web.Localization;

/// <summary>What the pages say, in the UI's language, when a limit refuses a question or an upload (the API sends <see cref="LimitRefusal.Message"/>).</summary>
public static class LimitText
{
    public static string Describe(LimitRefusal refusal, UiText text) => refusal.Kind switch
    {
        LimitKind.AskRate => string.Format(text.AskRateLimitedFormat, refusal.Allowed, refusal.RetryAfterSeconds),
        LimitKind.UploadRate => string.Format(text.UploadRateLimitedFormat, refusal.Allowed, refusal.RetryAfterSeconds),
        LimitKind.OpenAnswers => string.Format(text.OpenAnswersLimitedFormat, refusal.Allowed),
        _ => string.Format(text.AnswersBusyFormat, refusal.Allowed, refusal.Queue, refusal.RetryAfterSeconds),
    };

    /// <summary>The status page's line for the question rate; a rate of 0 is "off" (its burst then means nothing).</summary>
    public static string Asks(LimitsOptions limits, UiText text) =>
        string.Format(text.LimitAsksFormat, limits.AsksPerMinute == 0 ? text.LimitOff : string.Format(text.LimitRateFormat, limits.AsksPerMinute, limits.AskBurst));

    public static string Uploads(LimitsOptions limits, UiText text) =>
        string.Format(text.LimitUploadsFormat, limits.UploadsPerMinute == 0 ? text.LimitOff : string.Format(text.LimitRateFormat, limits.UploadsPerMinute, limits.UploadBurst));

    /// <summary>Answers at once and the queue; with no bound there is no queue either.</summary>
    public static string Answers(LimitsOptions limits, UiText text) =>
        string.Format(text.LimitAnswersFormat, limits.ConcurrentAnswers == 0 ? text.LimitOff : string.Format(text.LimitSlotsFormat, limits.ConcurrentAnswers, limits.AnswerQueue));

    public static string Streams(LimitsOptions limits, UiText text) =>
        string.Format(text.LimitStreamsFormat, limits.StreamsPerUser == 0 ? text.LimitOff : limits.StreamsPerUser.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
