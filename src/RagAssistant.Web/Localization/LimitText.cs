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

    /// <summary>A bound's value for the status page: the number, or "off" for 0.</summary>
    public static string Bound(int value, UiText text) => value == 0 ? text.LimitOff : value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
