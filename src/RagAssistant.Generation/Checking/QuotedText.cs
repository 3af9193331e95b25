namespace RagAssistant.Generation.Checking;

/// <summary>
/// Text quoted from a document, made unable to pass for the answer's own markup: its links become plain text
/// (<see cref="MarkdownLinks"/>) and anything shaped like a citation marker ("[3]", "【2】") gets full-width brackets
/// ("［3］"), which read the same but are no marker — only the answerer's own "[n]" after a quote cites a source.
/// </summary>
public static class QuotedText
{
    public static string Disarm(string text) => CitationChecker.DisarmMarkers(MarkdownLinks.AsPlainText(text));
}
