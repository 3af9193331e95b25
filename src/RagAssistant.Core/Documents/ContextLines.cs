namespace RagAssistant.Core.Documents;

/// <summary>A chunk's context line: the document title, then the heading path ("title &gt; heading &gt; heading").</summary>
public static class ContextLines
{
    /// <summary>Between the title and the heading path in a chunk's context line (DocumentChunker's path separator).</summary>
    public const string Separator = " > ";

    /// <summary>
    /// The context line with <paramref name="newTitle"/> in place of <paramref name="oldTitle"/>, or null when the line
    /// does not begin with the old title (a table caption, another document's heading): a retitled document's chunks
    /// read the new title in keyword search and citations.
    /// </summary>
    public static string? Retitle(string context, string oldTitle, string newTitle)
    {
        if (context == oldTitle) return newTitle;
        return context.StartsWith(oldTitle + Separator, StringComparison.Ordinal) ? newTitle + context[oldTitle.Length..] : null;
    }
}
