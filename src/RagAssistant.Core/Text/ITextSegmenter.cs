namespace RagAssistant.Core.Text;

/// <summary>
/// Turns text into space-separated terms for the keyword index. The same segmenter must process indexed text
/// and queries, so that a Chinese query matches Chinese text (FTS5's unicode61 tokenizer treats an unsegmented
/// run of Han characters as one token).
/// </summary>
public interface ITextSegmenter
{
    /// <summary>Returns <paramref name="text"/> with terms separated by spaces.</summary>
    string Segment(string text);

    /// <summary>
    /// What the terms depend on — the segmenter's rules, its dictionaries, its character folding — as a short hash: a
    /// keyword index built under another signature holds other terms for the same text, and must be rebuilt.
    /// </summary>
    string Signature { get; }
}
