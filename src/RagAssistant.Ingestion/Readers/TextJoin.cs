using System.Text.RegularExpressions;
using RagAssistant.Core.Text;

namespace RagAssistant.Ingestion.Readers;

/// <summary>Joining lines and whitespace the way Chinese and English text each need.</summary>
public static partial class TextJoin
{
    /// <summary>Joins wrapped lines: no space between two CJK characters, one space otherwise.</summary>
    public static string Lines(IEnumerable<string> lines)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var line in lines)
        {
            if (sb.Length > 0 && !(CjkText.IsCjk(sb[^1]) && line.Length > 0 && CjkText.IsCjk(line[0]))) sb.Append(' ');
            sb.Append(line);
        }
        return sb.ToString();
    }

    /// <summary>Collapses runs of whitespace (including non-breaking and zero-width spaces) to single spaces.</summary>
    public static string Collapse(string text) => Whitespace().Replace(text.Replace("\u200B", "").Replace("\uFEFF", ""), " ").Trim();

    public static bool EndsSentence(string text) =>
        text.Length > 0 && text[^1] is '。' or '！' or '？' or '；' or '.' or '!' or '?' or ';' or ':' or '：';

    /// <summary>A line starting with a list marker (1. 2) ① - •); a decimal number (1.3 mm) is none.</summary>
    public static bool StartsListItem(string line) => ListMarker().IsMatch(line);

    [GeneratedRegex(@"[\s\u00A0\u3000]+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^(\d{1,3}(?:[)、]|\.(?!\d))|[-*•·▪●]\s|[（(]\d{1,3}[)）]|[a-z][.)]\s|[①-⑳])")]
    private static partial Regex ListMarker();
}
