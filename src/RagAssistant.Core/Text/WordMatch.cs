namespace RagAssistant.Core.Text;

/// <summary>Where a term is found in folded text: anywhere for Chinese, only where a word starts for a Latin word or number.</summary>
public static class WordMatch
{
    /// <summary>True when <paramref name="text"/> holds <paramref name="term"/>; a term starting with a Latin letter or digit must start a word there ("oil" is not in "boil").</summary>
    public static bool Contains(string text, string term)
    {
        if (term.Length == 0) return false;
        for (var at = text.IndexOf(term, StringComparison.Ordinal); at >= 0; at = text.IndexOf(term, at + 1, StringComparison.Ordinal))
            if (!char.IsAsciiLetterOrDigit(term[0]) || at == 0 || !char.IsAsciiLetterOrDigit(text[at - 1])) return true;
        return false;
    }
}
