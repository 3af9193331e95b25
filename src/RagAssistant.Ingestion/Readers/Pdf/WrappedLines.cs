namespace RagAssistant.Ingestion.Readers.Pdf;

/// <summary>
/// How lines of one piece of text wrap: whether a line goes on from the line above (it starts in lower case or with
/// an opening bracket), and how wrapped lines join ("manu-" + "facturing" loses its hyphen; no space between CJK
/// characters). Paragraphs, table cells and the row rules of tables all read wrapping this way.
/// </summary>
internal static class WrappedLines
{
    /// <summary>A line that continues the one above it rather than starting something new.</summary>
    public static bool GoesOn(string line) => line.Length > 0 && (char.IsLower(line[0]) || line[0] is '(' or '（');

    /// <summary>Joins wrapped lines into one text.</summary>
    public static string Join(IEnumerable<string> lines)
    {
        var parts = new List<string>();
        foreach (var text in lines)
        {
            if (parts.Count > 0 && parts[^1].Length > 2 && parts[^1][^1] == '-' && char.IsLetter(parts[^1][^2]) && text.Length > 0 && char.IsLower(text[0]))
                parts[^1] = parts[^1][..^1] + text;
            else parts.Add(text);
        }
        return TextJoin.Lines(parts);
    }
}
