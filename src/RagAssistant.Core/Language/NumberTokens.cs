using System.Text;
using System.Text.RegularExpressions;

namespace RagAssistant.Core.Language;

/// <summary>
/// The numbers of a text as written after folding (full-width digits, thousands separators; "0.10" stays "0.10"), list
/// markers ("1.", "2)", "(1)", "8、") left out: what the citation check compares and what a question's numbers are matched by.
/// </summary>
public static partial class NumberTokens
{
    public static IEnumerable<string> In(string text)
    {
        var folded = ListMarker().Replace(text.Normalize(NormalizationForm.FormKC), "");
        foreach (Match m in Number().Matches(folded))
            yield return m.Value.Replace(",", "", StringComparison.Ordinal);
    }

    /// <summary>
    /// Numbers written with a Chinese order of magnitude (7500万, 1.5 亿), each as written and as a plain number
    /// (75000000, 150000000): a report's table states in 元 what its prose and the question state in 万元.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Scaled(string text)
    {
        var scaled = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match m in ScaledNumber().Matches(text.Normalize(NormalizationForm.FormKC)))
        {
            var written = m.Groups["n"].Value.Replace(",", "", StringComparison.Ordinal);
            if (!decimal.TryParse(written, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var value)) continue;
            var factor = m.Groups["s"].Value == "亿" ? 100_000_000m : 10_000m;
            scaled.TryAdd(written, (value * factor).ToString("0.##########", System.Globalization.CultureInfo.InvariantCulture));
        }
        return scaled;
    }

    [GeneratedRegex(@"(?<![\d.,])(?<n>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(?<s>万|亿)")]
    private static partial Regex ScaledNumber();

    [GeneratedRegex(@"(?<![\d.])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d])|(?<![\d.])\d+(?:\.\d+)?")]
    private static partial Regex Number();

    // "(1)" and "1、" mark an item whatever follows (营业收入及营业成本 comes right after them); "1." and "1)" only before a
    // space, since "1.5 MPa" starts with a number. A bullet may stand before a numbered item: an answer quotes a source's
    // "2. For JD-2105-0318 …" as "- 2. For JD-2105-0318 …".
    [GeneratedRegex(@"(?m)^\s*(?:(?:[-*•]\s+)?(?:(?:\(\d{1,2}\)|\d{1,2}、)\s*|\d{1,2}[.)]\s+)|[-*•]\s+)")]
    private static partial Regex ListMarker();
}
