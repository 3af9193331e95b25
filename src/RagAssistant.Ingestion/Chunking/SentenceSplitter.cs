using System.Text.RegularExpressions;

namespace RagAssistant.Ingestion.Chunking;

/// <summary>
/// Splits text into sentences after Chinese 。！？； (and their half-width forms followed by a space), and after
/// English . ! ? followed by whitespace — so "3.5 mm" or "Φ25.02" never split. Each sentence keeps its punctuation.
/// </summary>
public static partial class SentenceSplitter
{
    public static IReadOnlyList<string> Split(string text)
    {
        var parts = Boundary().Split(text);
        return parts.Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
    }

    /// <summary>
    /// Breaks an over-long sentence at the last space or comma before <paramref name="maxChars"/> characters, never
    /// between a number and its unit ("950 r/min" stays whole); falls back to a hard cut for unbroken runs.
    /// </summary>
    public static IEnumerable<string> BreakLong(string sentence, int maxChars)
    {
        var rest = sentence;
        while (rest.Length > maxChars)
        {
            var cut = -1;
            for (var i = maxChars; i > maxChars / 2; i--)
            {
                var c = rest[i - 1];
                if (c is '，' or '、' or ',' or '：' or ':') { cut = i; break; }
                if (c == ' ' && !(i >= 2 && char.IsDigit(rest[i - 2]))) { cut = i; break; }
            }
            if (cut < 0) cut = maxChars;
            // Do not leave a number cut in half at a hard cut.
            while (cut < rest.Length && cut > 1 && char.IsDigit(rest[cut - 1]) && (char.IsDigit(rest[cut]) || rest[cut] == '.')) cut--;
            yield return rest[..cut].Trim();
            rest = rest[cut..].TrimStart();
        }
        if (rest.Length > 0) yield return rest;
    }

    [GeneratedRegex(@"(?<=[。！？；])|(?<=[.!?;])(?=\s)|(?<=[!?;])(?=[\u4e00-\u9fff])")]
    private static partial Regex Boundary();
}
