namespace RagAssistant.Core.Text;

/// <summary>
/// A light English stemmer for question words: plural and past/progressive endings come off ("replaced" → "replac",
/// "colors" → "color", "pieces" → "piec"), so a word matches its other forms wherever words are matched from their start
/// (<see cref="WordMatch"/>). Deliberately timid: words ending in -ss, -us, -is or -eed are left whole, and so is a word
/// whose stem would be shorter than <see cref="MinStem"/> letters.
/// </summary>
public static class EnglishStem
{
    public const int MinStem = 4;

    /// <summary>The stem of a lower-case English word, or the word itself when it has no ending to remove.</summary>
    public static string Of(string word)
    {
        if (word.Length <= MinStem || !word.All(char.IsAsciiLetterLower)) return word;
        var stem = word switch
        {
            _ when word.EndsWith("ies", StringComparison.Ordinal) => word[..^3],
            _ when word.EndsWith("sses", StringComparison.Ordinal) || word.EndsWith("xes", StringComparison.Ordinal)
                   || word.EndsWith("ches", StringComparison.Ordinal) || word.EndsWith("shes", StringComparison.Ordinal) => word[..^2],
            _ when word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) && !word.EndsWith("us", StringComparison.Ordinal)
                   && !word.EndsWith("is", StringComparison.Ordinal) => word[..^1],
            _ when word.EndsWith("ing", StringComparison.Ordinal) => word[..^3],
            _ when word.EndsWith("ed", StringComparison.Ordinal) && !word.EndsWith("eed", StringComparison.Ordinal) => word[..^2],
            _ => word,
        };
        return stem.Length >= MinStem ? stem : word;
    }
}
