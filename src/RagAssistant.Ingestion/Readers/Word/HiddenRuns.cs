using DocumentFormat.OpenXml.Wordprocessing;

namespace RagAssistant.Ingestion.Readers.Word;

/// <summary>
/// Word's hidden text: runs formatted hidden (w:vanish) directly, else through their character style, else through their
/// paragraph's style — the precedence Word applies. Word neither shows nor prints them, so they are no part of what a
/// reader reads. w:webHidden is not hidden text: it hides only in Web Layout view and shows on the page and in print.
/// Counts the paragraphs that lost text, for the document's warning (<see cref="HiddenPassages"/>).
/// </summary>
internal sealed class HiddenRuns(WordStyles styles)
{
    private readonly HashSet<Paragraph> _paragraphs = [];

    /// <summary>How many paragraphs had hidden text left out.</summary>
    public int Passages => _paragraphs.Count;

    /// <summary>Whether the run is hidden; a hidden run with text counts its paragraph as a passage left out.</summary>
    public bool Hides(Run run)
    {
        var paragraph = run.Ancestors<Paragraph>().FirstOrDefault();
        var hidden = run.RunProperties?.Vanish is { } vanish
            ? vanish.Val?.Value ?? true
            : styles.Vanishes(run.RunProperties?.RunStyle?.Val?.Value)
              ?? styles.Vanishes(paragraph?.ParagraphProperties?.ParagraphStyleId?.Val?.Value)
              ?? false;
        if (hidden && paragraph is not null && run.InnerText.Trim().Length > 0) _paragraphs.Add(paragraph);
        return hidden;
    }
}
