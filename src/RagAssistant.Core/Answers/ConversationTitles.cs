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
}
