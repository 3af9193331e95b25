namespace RagAssistant.Core.Text;

/// <summary>
/// The one language detector: which language a question is asked in, and which language a stored passage is embedded
/// and filtered as. Retrieval, fusion, the answerer and unit similarity all call it.
/// </summary>
public static class TextLanguage
{
    public const string Chinese = "zh";
    public const string English = "en";

    /// <summary>
    /// "zh" when the text holds any CJK character, else "en". A chunk that mixes the two (a bilingual datasheet row, an
    /// English clause under a Chinese title) goes to the model that reads Chinese: the English model turns every Chinese
    /// character into [UNK], while the Chinese model's vocabulary also carries English word pieces.
    /// </summary>
    public static string OfPassage(ReadOnlySpan<char> text) => CjkText.ContainsCjk(text) ? Chinese : English;

    /// <summary>
    /// The language a question (or a sentence) is written in: "zh" when CJK characters weigh at least as much as Latin
    /// letters, a CJK character counting triple (Latin letters come in words of several letters; a CJK character is a
    /// word on its own), else "en" — an English question naming a Chinese part name stays English.
    /// </summary>
    public static string Of(ReadOnlySpan<char> text)
    {
        int cjk = 0, latin = 0;
        foreach (var c in text)
        {
            if (CjkText.IsCjk(c)) cjk++;
            else if (char.IsLetter(c)) latin++;
        }
        return cjk + latin > 0 && cjk * 3 >= latin ? Chinese : English;
    }

    /// <summary>
    /// Text with at least as many Latin letters as CJK characters, counted one for one: English, or bilingual (a claim
    /// form in English and Chinese), where a name the reader asks about would be written in Latin letters.
    /// </summary>
    public static bool WritesLatin(ReadOnlySpan<char> text)
    {
        int cjk = 0, latin = 0;
        foreach (var c in text)
        {
            if (CjkText.IsCjk(c)) cjk++;
            else if (char.IsAsciiLetter(c)) latin++;
        }
        return latin >= cjk;
    }

    /// <summary>Text with letters that <see cref="Of"/> reads as English (a sentence of digits and symbols alone is neither).</summary>
    public static bool IsEnglish(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
            if (char.IsAsciiLetter(c)) return Of(text) == English;
        return false;
    }
}
