using RagAssistant.Core.Documents;

namespace RagAssistant.Ingestion.Readers.Pdf;

/// <summary>One line of a page in reading order: the segments of one baseline within one column, left to right.</summary>
internal sealed class TextLine
{
    public TextLine(int page, int column, IReadOnlyList<TextSegment> segments)
    {
        Page = page;
        Column = column;
        Segments = segments;
        Left = segments.Min(s => s.Left);
        Right = segments.Max(s => s.Right);
        Bottom = segments.Min(s => s.Bottom);
        Top = segments.Max(s => s.Top);
        FontSize = segments.Max(s => s.FontSize);
        Bold = segments.All(s => s.Bold);
        Text = segments.Count == 1 ? segments[0].Text : string.Join(' ', segments.Select(s => s.Text));
    }

    public int Page { get; }
    /// <summary>0 = single-column page or a line spanning both columns, 1 = left column, 2 = right column.</summary>
    public int Column { get; }
    public IReadOnlyList<TextSegment> Segments { get; }
    public double Left { get; }
    public double Right { get; }
    public double Bottom { get; }
    public double Top { get; }
    public double FontSize { get; }
    public bool Bold { get; }
    public string Text { get; }

    /// <summary>The line's box for highlighting, rounded to 0.1 pt, with its OCR confidence when it was read by OCR.</summary>
    public PageBox Box => TextSegment.Box(Page, Segments.ToList());
}
