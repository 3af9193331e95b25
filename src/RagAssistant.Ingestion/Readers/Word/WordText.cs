using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace RagAssistant.Ingestion.Readers.Word;

/// <summary>
/// The visible text of a paragraph or cell: w:t, tabs and line breaks, non-breaking hyphens; deleted revisions,
/// field codes, hidden runs (<see cref="HiddenRuns"/>) and the legacy VML copy of a drawing (mc:Fallback) are left out. Text boxes are not inlined: they are
/// handed back to be read as their own paragraphs after the one that anchors them.
/// </summary>
internal static class WordText
{
    public static string Of(OpenXmlElement element, List<TextBoxContent> textBoxes, HiddenRuns hidden)
    {
        var sb = new StringBuilder();
        Collect(element, sb, textBoxes, hidden);
        return Clean(sb.ToString());
    }

    private static void Collect(OpenXmlElement element, StringBuilder sb, List<TextBoxContent> textBoxes, HiddenRuns hidden)
    {
        foreach (var child in element.ChildElements)
        {
            switch (child)
            {
                case Text t: sb.Append(t.Text); break;
                case TabChar or PositionalTab: sb.Append(' '); break;
                case Break or CarriageReturn: sb.Append('\n'); break;
                case NoBreakHyphen: sb.Append('-'); break;
                case TextBoxContent box: textBoxes.Add(box); break;
                case AlternateContentFallback or DeletedRun or FieldCode or ParagraphProperties or RunProperties: break;
                case Run run when hidden.Hides(run): break;
                default:
                    if (child.HasChildren) Collect(child, sb, textBoxes, hidden);
                    break;
            }
        }
    }

    /// <summary>Trims each line and drops empty ones; non-breaking spaces become spaces.</summary>
    public static string Clean(string text) =>
        string.Join('\n', text.Replace('\u00A0', ' ').Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));
}
