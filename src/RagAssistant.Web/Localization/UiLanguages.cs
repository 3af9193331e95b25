namespace RagAssistant.Web.Localization;

/// <summary>The UI languages: Simplified Chinese by default, English by the switch (a cookie).</summary>
public static class UiLanguages
{
    public const string Chinese = "zh";
    public const string English = "en";
    public const string Cookie = "rag-lang";

    public static string FromCookie(string? value) => value == English ? English : Chinese;
}
