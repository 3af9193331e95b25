namespace RagAssistant.Web.Localization;

/// <summary>The colour scheme: light by default, dark by the switch (a cookie, read once per page load like the language).</summary>
public static class UiThemes
{
    public const string Light = "light";
    public const string Dark = "dark";
    public const string Cookie = "rag-theme";

    public static string FromCookie(string? value) => value == Dark ? Dark : Light;
}
