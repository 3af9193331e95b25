using System.Globalization;
using System.Text;

namespace RagAssistant.Storage.Postgres;

/// <summary>
/// Splits segmented text into keyword tokens the way the SQLite store's FTS5 index does
/// (<c>tokenize = 'unicode61 remove_diacritics 2'</c>), so both stores match and count the same words: a token is a run
/// of letters, numbers and private-use characters (FTS5's default categories L*, N*, Co); everything else separates
/// ("r/min" is "r" "min", "0.10" is "0" "10"); tokens are folded to lower case with every diacritic removed.
/// Chinese words stay whole because the segmenter has put spaces between them.
/// </summary>
internal static class KeywordTokens
{
    public static List<string> Of(string text)
    {
        var tokens = new List<string>();
        var token = new StringBuilder();
        foreach (var rune in text.Normalize(NormalizationForm.FormD).EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            // Combining marks are the diacritics that decomposition split off: removed, without ending the token.
            if (category is UnicodeCategory.NonSpacingMark) continue;
            if (IsTokenCharacter(category))
            {
                token.Append(Rune.ToLowerInvariant(rune).ToString());
                continue;
            }
            if (token.Length > 0) tokens.Add(token.ToString());
            token.Clear();
        }
        if (token.Length > 0) tokens.Add(token.ToString());
        return tokens;
    }

    private static bool IsTokenCharacter(UnicodeCategory category) => category
        is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
        or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
        or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber
        or UnicodeCategory.PrivateUse;
}
