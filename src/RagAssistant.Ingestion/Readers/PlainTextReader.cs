using RagAssistant.Core.Documents;
using RagAssistant.Ingestion.Detection;

namespace RagAssistant.Ingestion.Readers;

/// <summary>
/// Plain text: numbered heading lines become headings; a line starting with a list marker or following a short line
/// starts a new paragraph, while a long line without closing punctuation continues onto the next (hard-wrapped text).
/// Each paragraph's locator is its first line number.
/// </summary>
public sealed class PlainTextReader : IDocumentReader
{
    public IReadOnlyCollection<string> ContentTypes { get; } = [Detection.ContentTypes.Text];

    public ParsedDocument Read(ReaderInput input, CancellationToken cancellationToken)
    {
        var lines = input.Text.ReplaceLineEndings("\n").Split('\n');
        var blocks = new List<DocumentBlock>();
        string? title = null;
        var paragraph = new List<string>();
        var paragraphLine = 0;

        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0) { Flush(); continue; }
            title ??= line.Length <= 100 ? line : null;

            if (NumberedHeading.TryParse(line, out var level, out _))
            {
                Flush();
                blocks.Add(new HeadingBlock(level, line));
                continue;
            }
            if (paragraph.Count > 0 && !ContinuesPreviousLine(paragraph[^1], line)) Flush();
            if (paragraph.Count == 0) paragraphLine = i + 1;
            paragraph.Add(line);
        }
        Flush();
        ChineseHeadingRanks.Apply(blocks);
        return new ParsedDocument(title, blocks);

        void Flush()
        {
            if (paragraph.Count == 0) return;
            blocks.Add(new ParagraphBlock(TextJoin.Lines(paragraph), Locator: $"line {paragraphLine}"));
            paragraph.Clear();
        }
    }

    /// <summary>Hard-wrapped prose: the previous line is long and unfinished, and this one is not a new list item.</summary>
    private static bool ContinuesPreviousLine(string previous, string line) =>
        previous.Length >= 60 && !TextJoin.EndsSentence(previous) && !TextJoin.StartsListItem(line);
}
