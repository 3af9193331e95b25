using System.Globalization;
using System.Text;

namespace RagAssistant.Core.Answers;

/// <summary>What a conversation's title may be: the rule the store keeps and a rename form checks before it saves.</summary>
public static class ConversationTitles
{
    /// <summary>Titles are list entries, not documents: a title made from a question is cut to this, a typed one longer is refused.</summary>
    public const int MaxLength = 80;

    /// <summary>Runs of white space (new lines included) become one space and the ends are trimmed.</summary>
    public static string Normalize(string? title) =>
        string.Join(' ', (title ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Why a title typed for a rename cannot be used (empty, or over <see cref="MaxLength"/> once normalized); null when it can.</summary>
    public static string? Problem(string? title)
    {
        var normalized = Normalize(title);
        if (normalized.Length == 0) return "must not be empty";
        return normalized.Length > MaxLength ? $"has {normalized.Length} characters, over the limit of {MaxLength}" : null;
    }

    /// <summary>
    /// The title a store gives a conversation from what the user typed (a title, or the first question):
    /// <see cref="Normalize"/>d; text longer than <see cref="MaxLength"/> characters is cut at a whole character (never
    /// inside a surrogate pair) and ends in "…", so the result is at most <see cref="MaxLength"/> UTF-16 units long.
    /// Every store calls this one rule, so titles read the same whichever database keeps them.
    /// </summary>
    public static string FromText(string text)
    {
        var collapsed = Normalize(text);
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
