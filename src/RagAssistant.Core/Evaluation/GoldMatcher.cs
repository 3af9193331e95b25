using System.Text;

namespace RagAssistant.Core.Evaluation;

/// <summary>
/// EVAL.md's gold-match rule: a retrieved chunk matches a gold item when the chunk's source path equals the item's
/// source or ends with "/" + source, and the chunk's indexed text (context prefix included) contains the item's string
/// after normalisation of both sides — NFKC, lower case, all whitespace removed, and ～ ~ – — − mapped to '-'. A chunk of
/// more than <see cref="MaxTokens"/> tokens never matches.
/// </summary>
public static class GoldMatcher
{
    public const int MaxTokens = 512;

    public static bool Matches(GoldPassage gold, string source, string indexedText, int tokenCount) =>
        tokenCount <= MaxTokens && SourceMatches(gold.Source, source) && Normalize(indexedText).Contains(Normalize(gold.Contains), StringComparison.Ordinal);

    public static bool SourceMatches(string goldSource, string source) =>
        source == goldSource || source.EndsWith("/" + goldSource, StringComparison.Ordinal);

    public static string Normalize(string text)
    {
        var folded = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var sb = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (char.IsWhiteSpace(c)) continue;
            sb.Append(c is '～' or '~' or '–' or '—' or '−' ? '-' : c);
        }
        return sb.ToString();
    }

    /// <summary>True when the answer contains every expected string (EVAL.md's answer_contains), both sides normalised.</summary>
    public static bool AnswerContainsAll(string answer, IReadOnlyList<string> expected)
    {
        var normalized = Normalize(answer);
        return expected.All(s => normalized.Contains(Normalize(s), StringComparison.Ordinal));
    }
}
