namespace RagAssistant.Core.Text;

/// <summary>
/// A light English stemmer for question words: plural and past/progressive endings come off ("replaced" → "replac",
/// "colors" → "color", "pieces" → "piece", "copies" → "copy", "muted" → "mute", "stopped" → "stop"), so a word matches
/// its other forms wherever words are matched from their start (<see cref="WordMatch"/>). Deliberately timid: words ending in -ss, -us,
/// -is or -eed are left whole, and so is a word whose stem would be shorter than <see cref="MinStem"/> letters.
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
            // "supplies" → "suppl" (supply, supplier); a short stem gets its y back: "copies" → "copy", "bodies" → "body".
            _ when word.EndsWith("ies", StringComparison.Ordinal) => word.Length - 3 >= MinStem ? word[..^3] : word[..^3] + "y",
            _ when word.EndsWith("sses", StringComparison.Ordinal) || word.EndsWith("xes", StringComparison.Ordinal)
                   || word.EndsWith("ches", StringComparison.Ordinal) || word.EndsWith("shes", StringComparison.Ordinal) => word[..^2],
            _ when word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) && !word.EndsWith("us", StringComparison.Ordinal)
                   && !word.EndsWith("is", StringComparison.Ordinal) => word[..^1],
            _ when word.EndsWith("ing", StringComparison.Ordinal) => Restored(word[..^3]),
            _ when word.EndsWith("ed", StringComparison.Ordinal) && !word.EndsWith("eed", StringComparison.Ordinal) => Restored(word[..^2]),
            _ => word,
        };
        return stem.Length >= MinStem ? stem : word;
    }

    /// <summary>
    /// What a tense ending leaves, made a word again (as Porter's step 1b does): a doubled final consonant is single
    /// ("stopped" → "stop"), and a short consonant-vowel-consonant stem gets back its silent e ("muted" → "mute",
    /// "timing" → "time"), so the stem matches the word's other forms from their start.
    /// </summary>
    private static string Restored(string stem)
    {
        if (stem.Length >= 2 && stem[^1] == stem[^2] && !IsVowel(stem[^1]) && stem[^1] is not ('l' or 's' or 'z')) return stem[..^1];
        if (stem.Length == 3 && !IsVowel(stem[0]) && IsVowel(stem[1]) && !IsVowel(stem[2]) && stem[2] is not ('w' or 'x' or 'y')) return stem + "e";
        return stem;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';
}
