namespace RagAssistant.Core.Text;

/// <summary>Where a term is found in folded text: anywhere for Chinese, only where a word starts for a Latin word or number.</summary>
public static class WordMatch
{
    /// <summary>True when <paramref name="text"/> holds <paramref name="term"/>; a term starting with a Latin letter or digit must start a word there ("oil" is not in "boil").</summary>
    public static bool Contains(string text, string term) => Find(text, term, wholeToken: false);

    /// <summary>True when <paramref name="text"/> holds <paramref name="term"/> with no Latin letter or digit either side: a symbol as itself ("h2" in "h2 gas", not in "h2o").</summary>
    public static bool ContainsToken(string text, string term) => Find(text, term, wholeToken: true);

    private static bool Find(string text, string term, bool wholeToken)
    {
        if (term.Length == 0) return false;
        for (var at = text.IndexOf(term, StringComparison.Ordinal); at >= 0; at = text.IndexOf(term, at + 1, StringComparison.Ordinal))
        {
            var starts = !char.IsAsciiLetterOrDigit(term[0]) || at == 0 || !char.IsAsciiLetterOrDigit(text[at - 1]);
            var end = at + term.Length;
            if (starts && (!wholeToken || end == text.Length || !char.IsAsciiLetterOrDigit(text[end]))) return true;
        }
        return false;
    }
}
