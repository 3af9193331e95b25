namespace RagAssistant.Core.Answers;

/// <summary>
/// How a conversation search box is read, the same for every store: words split at white space, duplicates dropped, at
/// most <see cref="MaxWords"/> of them; each must occur somewhere in the conversation as a substring (a search box, not a
/// query language).
/// </summary>
public static class ConversationSearchWords
{
    /// <summary>At most this many words of a search count; the rest are ignored.</summary>
    public const int MaxWords = 8;

    /// <summary>The words of <paramref name="text"/> a search looks for; empty for a blank text, which finds nothing.</summary>
    public static IReadOnlyList<string> Split(string? text) =>
        (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).Take(MaxWords).ToList();

    /// <summary>
    /// A LIKE pattern that finds <paramref name="word"/> anywhere, with %, _ and \ in it matched literally; the statement
    /// must say <c>ESCAPE '\'</c> (SQLite has no default escape character; PostgreSQL's is the same backslash).
    /// </summary>
    public static string ContainsPattern(string word) => "%" + word.Replace(@"\", @"\\", StringComparison.Ordinal)
        .Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal) + "%";
}
