using System.Net;
using System.Text.RegularExpressions;

namespace RagAssistant.Ingestion.Readers;

/// <summary>Reduces an HTML fragment to its text (for raw HTML inside Markdown).</summary>
public static partial class HtmlTags
{
    public static string Strip(string html) => WebUtility.HtmlDecode(Tag().Replace(ScriptOrStyle().Replace(html, " "), " "));

    [GeneratedRegex(@"<(script|style)\b.*?</\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex ScriptOrStyle();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex Tag();
}
