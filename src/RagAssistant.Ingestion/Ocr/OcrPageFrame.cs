using RagAssistant.Core.Documents;
using RagAssistant.Ingestion.Readers.Pdf;

namespace RagAssistant.Ingestion.Ocr;

/// <summary>
/// The two places an OCR page's lines live. The layout logic (lines, columns, headings, clauses, tables) runs in the
/// reading frame: the image as read, turned upright (<see cref="OcrPage.Rotation"/>), in points, y up, origin at its
/// bottom-left corner. Boxes are stored on the page itself (<see cref="PageBox"/>: PDF user space, the crop box before
/// the page's /Rotate; for an image file, its pixels as stored, y up), where a viewer's own transform puts them on the
/// page as shown, turned or not. <see cref="ToPage(PageBox)"/> goes from the one to the other: turned image → the image
/// as rendered (which PDFium draws after /Rotate, crop box at the top-left) → user space. Quarter turns keep a rectangle
/// a rectangle, so a box maps exactly.
/// </summary>
/// <param name="Rotation">Degrees the rendered image was turned clockwise to be read (0, 90, 180, 270).</param>
/// <param name="TurnedWidth">Width of the turned image, in pixels.</param>
/// <param name="TurnedHeight">Height of the turned image, in pixels.</param>
/// <param name="Scale">Pixels per point.</param>
/// <param name="Shown">The page as the renderer drew it (its /Rotate and view box; for an image: no turn, 0, 0, its width, its height).</param>
internal sealed record OcrPageFrame(int Rotation, int TurnedWidth, int TurnedHeight, double Scale, ShownPage Shown)
{
    /// <summary>The top (and height) of the reading frame, in points.</summary>
    public double ReadingTop => TurnedHeight / Scale;

    /// <summary>The frame of a PDF page rendered at <paramref name="scale"/> and read as <paramref name="read"/>.</summary>
    public static OcrPageFrame Of(OcrPage read, double scale, ShownPage shown) => new(read.Rotation, read.Width, read.Height, scale, shown);

    /// <summary>The frame of an image file read as <paramref name="read"/>: a pixel is a point, y up.</summary>
    public static OcrPageFrame OfImage(OcrPage read)
    {
        var quarter = read.Rotation is 90 or 270;
        return new(read.Rotation, read.Width, read.Height, 1, new ShownPage(0, new PageBox(1, 0, 0, quarter ? read.Height : read.Width, quarter ? read.Width : read.Height)));
    }

    /// <summary>The OCR lines as lines of page <paramref name="page"/> in the reading frame (<see cref="PageOcr.Lines"/>).</summary>
    /// <param name="uncertainBelow">Lines read with a lower confidence are marked unsure (Rag:Ocr:MinConfidence).</param>
    /// <param name="rules">The page's vertical grid lines in this frame: no column gutter is found across one.</param>
    public List<TextLine> Lines(OcrPage read, int page, double uncertainBelow = 0, VerticalRules? rules = null) =>
        PageOcr.Lines(read, page, Scale, ReadingTop, uncertainBelow: uncertainBelow, rules: rules);

    /// <summary>A box in the reading frame, on the page as stored (rounded to 0.1 pt, as <see cref="TextLine.Box"/>).</summary>
    public PageBox ToPage(PageBox box)
    {
        ArgumentNullException.ThrowIfNull(box);
        var (x0, y0) = ToPage(box.Left, box.Bottom);
        var (x1, y1) = ToPage(box.Right, box.Top);
        return box with
        {
            Left = Math.Round(Math.Min(x0, x1), 1), Bottom = Math.Round(Math.Min(y0, y1), 1),
            Right = Math.Round(Math.Max(x0, x1), 1), Top = Math.Round(Math.Max(y0, y1), 1),
        };
    }

    private (double X, double Y) ToPage(double x, double y)
    {
        // Reading frame (points, y up) → turned image (pixels, y down) → the image as rendered.
        var rendered = PageOrientation.Unturn(new OcrPoint((float)(x * Scale), (float)(TurnedHeight - y * Scale)), TurnedWidth, TurnedHeight, Rotation);
        return Shown.ToUser(rendered.X / Scale, rendered.Y / Scale);
    }
}
