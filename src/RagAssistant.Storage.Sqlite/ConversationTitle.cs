using System.Globalization;
using System.Text;
using RagAssistant.Core.Answers;

namespace RagAssistant.Storage.Sqlite;

/// <summary>How a conversation's title is made from what the user typed.</summary>
internal static class ConversationTitle
{
    /// <summary>Titles are list entries, not documents: longer ones are cut.</summary>
    public const int MaxLength = ConversationTitles.MaxLength;

    /// <summary>
    /// Runs of white space (new lines included) become one space and the ends are trimmed; text longer than
    /// <see cref="MaxLength"/> characters is cut at a whole character (never inside a surrogate pair) and ends in
    /// "…", so the result is at most <see cref="MaxLength"/> UTF-16 units long.
    /// </summary>
    public static string From(string text)
    {
        var collapsed = ConversationTitles.Normalize(text);
        if (collapsed.Length <= MaxLength) return collapsed;

        var cut = new StringBuilder(MaxLength);
        var elements = StringInfo.GetTextElementEnumerator(collapsed);
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            if (cut.Length + element.Length > MaxLength - 1) break;
            cut.Append(element);
        }
        return cut.ToString().TrimEnd() + "…";
    }
}
