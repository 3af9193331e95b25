namespace RagAssistant.Core.Text;

/// <summary>Which language a stored text is embedded as: "zh" for Chinese and mixed text, "en" for text without Chinese.</summary>
public static class TextLanguage
{
    /// <summary>
    /// "zh" when the text holds any CJK character, else "en". A chunk that mixes the two (a bilingual datasheet row, an
    /// English clause under a Chinese title) goes to the model that reads Chinese: the English model turns every Chinese
    /// character into [UNK], while the Chinese model's vocabulary also carries English word pieces.
    /// </summary>
    public static string OfPassage(ReadOnlySpan<char> text) => CjkText.ContainsCjk(text) ? "zh" : "en";
}
