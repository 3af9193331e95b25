using System.Text;
using System.Text.RegularExpressions;

namespace RagAssistant.Core.Language;

/// <summary>
/// The numbers of a text as written after folding (full-width digits, thousands separators; "0.10" stays "0.10"), list
/// markers ("1.", "2)") left out: what the citation check compares and what a question's numbers are matched by.
/// </summary>
public static partial class NumberTokens
{
    public static IEnumerable<string> In(string text)
    {
        var folded = ListMarker().Replace(text.Normalize(NormalizationForm.FormKC), "");
        foreach (Match m in Number().Matches(folded))
            yield return m.Value.Replace(",", "", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"(?<![\d.])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d])|(?<![\d.])\d+(?:\.\d+)?")]
    private static partial Regex Number();

    [GeneratedRegex(@"(?m)^\s*(?:\d{1,2}[.)、]|[-*•])\s+")]
    private static partial Regex ListMarker();
}
