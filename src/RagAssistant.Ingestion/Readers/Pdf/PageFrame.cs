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
