using RagAssistant.Core.Documents;
using UglyToad.PdfPig.Content;

namespace RagAssistant.Ingestion.Readers.Pdf;

/// <summary>
/// A PDF page as viewers show it: its view box (the crop box within the media box, in user space) turned clockwise by its
/// /Rotate. PdfPig gives letters in this shown space (origin at its bottom-left corner, y up) and PDFium renders it (origin
/// top-left); boxes are stored in user space (<see cref="PageBox"/>), which pdf.js turns by /Rotate itself, so every box
/// read in the shown space goes back through <see cref="ToUser(PageBox)"/>.
/// </summary>
/// <param name="Rotate">The page's /Rotate: 0, 90, 180 or 270.</param>
/// <param name="ViewBox">The view box in user space (its page number is unused).</param>
internal sealed record ShownPage(int Rotate, PageBox ViewBox)
{
    public static ShownPage Of(Page page)
    {
        var media = page.MediaBox.Bounds;
        var crop = page.CropBox?.Bounds ?? media;
        double left = Math.Max(crop.Left, media.Left), bottom = Math.Max(crop.Bottom, media.Bottom);
        double right = Math.Min(crop.Right, media.Right), top = Math.Min(crop.Top, media.Top);
        // PdfPig's own rule: a crop box outside the media box falls back to the crop box.
        if (right <= left || top <= bottom) (left, bottom, right, top) = (crop.Left, crop.Bottom, crop.Right, crop.Top);
        return new(((page.Rotation.Value % 360) + 360) % 360, new PageBox(page.Number, left, bottom, right, top));
    }

    /// <summary>Whether the shown space is user space (no /Rotate, view box at the origin): no box needs mapping.</summary>
    public bool IsUserSpace => Rotate == 0 && ViewBox.Left == 0 && ViewBox.Bottom == 0;

    /// <summary>Height of the page as shown, in points.</summary>
    public double Height => Rotate is 90 or 270 ? ViewBox.Right - ViewBox.Left : ViewBox.Top - ViewBox.Bottom;

    /// <summary>A point given from the shown page's top-left corner (points right and down) in user space.</summary>
    public (double X, double Y) ToUser(double right, double down) => Rotate switch
    {
        // Undo the clockwise turn: the corner shown top-left is the view box's top-left at 0, bottom-left at 90,
        // bottom-right at 180, top-right at 270.
        90 => (ViewBox.Left + down, ViewBox.Bottom + right),
        180 => (ViewBox.Right - right, ViewBox.Bottom + down),
        270 => (ViewBox.Right - down, ViewBox.Top - right),
        _ => (ViewBox.Left + right, ViewBox.Top - down),
    };

    /// <summary>A box in the shown space (y up, as PdfPig gives letters) in user space.</summary>
    public PageBox ToUser(PageBox box)
    {
        ArgumentNullException.ThrowIfNull(box);
        var (x0, y0) = ToUser(box.Left, Height - box.Bottom);
        var (x1, y1) = ToUser(box.Right, Height - box.Top);
        return box with
        {
            Left = Math.Round(Math.Min(x0, x1), 1), Bottom = Math.Round(Math.Min(y0, y1), 1),
            Right = Math.Round(Math.Max(x0, x1), 1), Top = Math.Round(Math.Max(y0, y1), 1),
        };
    }
}
