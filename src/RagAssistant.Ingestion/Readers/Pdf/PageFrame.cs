using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;

namespace RagAssistant.Ingestion.Readers.Pdf;

/// <summary>
/// The direction text runs in, as a unit vector snapped to a quarter turn: (1, 0) upright, (0, 1) reading bottom to
/// top, (−1, 0) upside down, (0, −1) top to bottom. <see cref="Map"/> turns page coordinates into that direction's
/// upright frame (x along the baseline, y up the glyphs), so the same line, column and table rules apply to a page
/// turned by /Rotate or to a label set sideways.
/// </summary>
internal readonly record struct PageFrame(int Dx, int Dy)
{
    public static PageFrame Upright { get; } = new(1, 0);

    public (double X, double Y) Map(PdfPoint p) => (p.X * Dx + p.Y * Dy, -p.X * Dy + p.Y * Dx);

    /// <summary>Degrees the page's own coordinates must be turned clockwise for text running this way to read upright.</summary>
    public int Turn => (Dx, Dy) switch { (0, 1) => 90, (-1, 0) => 180, (0, -1) => 270, _ => 0 };

    /// <summary>A box in this frame back in the page's coordinates (the inverse of <see cref="Map"/>, a quarter turn).</summary>
    public RagAssistant.Core.Documents.PageBox ToPage(RagAssistant.Core.Documents.PageBox box)
    {
        var (x0, y0) = (box.Left * Dx - box.Bottom * Dy, box.Left * Dy + box.Bottom * Dx);
        var (x1, y1) = (box.Right * Dx - box.Top * Dy, box.Right * Dy + box.Top * Dx);
        return box with { Left = Math.Min(x0, x1), Bottom = Math.Min(y0, y1), Right = Math.Max(x0, x1), Top = Math.Max(y0, y1) };
    }

    public static PageFrame Of(Letter letter)
    {
        if (letter.TextOrientation == TextOrientation.Horizontal) return Upright;
        double dx = letter.EndBaseLine.X - letter.StartBaseLine.X, dy = letter.EndBaseLine.Y - letter.StartBaseLine.Y;
        if (Math.Abs(dx) < 1e-6 && Math.Abs(dy) < 1e-6)
            return letter.TextOrientation switch
            {
                TextOrientation.Rotate90 => new(0, 1),
                TextOrientation.Rotate180 => new(-1, 0),
                TextOrientation.Rotate270 => new(0, -1),
                _ => Upright,
            };
        return Math.Abs(dx) >= Math.Abs(dy) ? new(Math.Sign(dx), 0) : new(0, Math.Sign(dy));
    }

    /// <summary>The direction most of the page's letters run in.</summary>
    public static PageFrame Of(Page page)
    {
        var counts = new Dictionary<PageFrame, int>();
        foreach (var letter in page.Letters)
        {
            var frame = Of(letter);
            counts[frame] = counts.GetValueOrDefault(frame) + 1;
        }
        return counts.Count == 0 ? Upright : counts.MaxBy(kv => kv.Value).Key;
    }
}
