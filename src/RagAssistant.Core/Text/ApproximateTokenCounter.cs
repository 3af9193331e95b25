using System.Text.RegularExpressions;

namespace RagAssistant.Core.Text;

/// <summary>
/// A stand-in for a WordPiece tokenizer until the embedding model's own tokenizer is wired in: each CJK character,
/// punctuation mark and digit group counts one token; a Latin word counts one token per started 6 letters
/// (WordPiece splits rare and long words into pieces). It errs on the high side, so budgets stay safe.
/// </summary>
public sealed partial class ApproximateTokenCounter : ITokenCounter
{
    public int CountTokens(string text)
    {
        var count = 0;
        foreach (Match m in TokenPattern().Matches(text))
        {
            var v = m.ValueSpan;
            count += char.IsLetter(v[0]) && !CjkText.IsCjk(v[0]) ? (v.Length + 5) / 6 : 1;
        }
        return count;
    }

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}|[\p{L}-[\p{IsCJKUnifiedIdeographs}]]+|\d+|[^\s\p{L}\d]", RegexOptions.CultureInvariant)]
    private static partial Regex TokenPattern();
}
