using RagAssistant.Ingestion.Readers.Pdf;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;

namespace RagAssistant.Ingestion.Benchmarks;

/// <summary>
/// What a PDF page's text layer says, as the PDF reader assembles it (<see cref="LineAssembler"/>: rows cut into
/// segments at wide gaps and ruling lines, NFKC), each segment a reference line with its box in the page's reading
/// frame; and how to bring a rendered page's pixels into that frame. Letters running another way than the page's text
/// are left out of the reference (counted in <see cref="SidewaysChars"/>), as are lines outside the crop box, which
/// no rendering shows. OCR boxes go pixels → user space (<see cref="ToUserSpace"/>) → PdfPig's page space → the frame.
/// </summary>
internal sealed class OcrPageReference
{
    private readonly PageFrame _frame;
    private readonly PdfRectangle _crop;
    private readonly PdfRectangle _media;
    private readonly int _rotation;

    public OcrPageReference(Page page)
    {
        Number = page.Number;
        _frame = PageFrame.Of(page);
        _crop = page.CropBox.Bounds;
        _media = page.MediaBox.Bounds;
        _rotation = ((page.Rotation.Value % 360) + 360) % 360;
        var rulings = Rulings.Of(page, _frame);
        var (x0, y0) = ToFrame(new PdfPoint(_crop.Left, _crop.Bottom));
        var (x1, y1) = ToFrame(new PdfPoint(_crop.Right, _crop.Top));
        Lines = LineAssembler.Rows(page, _frame, rulings.VerticalIndex, otherDirections: false)
            .SelectMany(row => row)
            .Select(s => new BoxedText(s.Text, s.Left, s.Bottom, s.Right, s.Top))
            .Where(l => Between((l.Left + l.Right) / 2, x0, x1) && Between((l.Top + l.Bottom) / 2, y0, y1))
            .ToList();
        Characters = Lines.Sum(l => CharacterErrorRate.Normalise(l.Text).Length);
        SidewaysChars = page.Letters.Count(l => !string.IsNullOrWhiteSpace(l.Value) && PageFrame.Of(l) != _frame);
    }

    public int Number { get; }

    public IReadOnlyList<BoxedText> Lines { get; }

    /// <summary>Reference characters (normalised) on the page: what decides whether it is dense.</summary>
    public int Characters { get; }

    public int SidewaysChars { get; }

    /// <summary>An OCR line's pixel quadrilateral as a box in the page's frame (points, y up).</summary>
    public BoxedText ToFrame(string text, IEnumerable<(double X, double Y)> pixels, double scale)
    {
        double left = double.MaxValue, bottom = double.MaxValue, right = double.MinValue, top = double.MinValue;
        foreach (var (px, py) in pixels)
        {
            var (x, y) = ToFrame(ToUserSpace(px, py, scale, _crop, _rotation));
            left = Math.Min(left, x); right = Math.Max(right, x);
            bottom = Math.Min(bottom, y); top = Math.Max(top, y);
        }
        return new BoxedText(text, left, bottom, right, top);
    }

    /// <summary>
    /// A pixel of the page as PDFium renders it (the crop box, turned by /Rotate clockwise; origin top-left, y down, at
    /// <paramref name="scale"/> pixels per point) in PDF user space (points, y up from the bottom of the page).
    /// </summary>
    public static PdfPoint ToUserSpace(double px, double py, double scale, PdfRectangle crop, int rotation)
    {
        double u = px / scale, v = py / scale;
        return rotation switch
        {
            90 => new PdfPoint(crop.Left + v, crop.Bottom + u),
            180 => new PdfPoint(crop.Right - u, crop.Bottom + v),
            270 => new PdfPoint(crop.Right - v, crop.Top - u),
            _ => new PdfPoint(crop.Left + u, crop.Top - v),
        };
    }

    /// <summary>
    /// A point of PDF user space in PdfPig's page space, then in the page's reading frame. PdfPig gives the letters of a
    /// page with /Rotate in the page as displayed (the user space turned clockwise about the media box, origin at the
    /// displayed bottom-left): a letter drawn at (60, 760) on an A4 page with /Rotate 90 comes back at (760, 535).
    /// </summary>
    private (double X, double Y) ToFrame(PdfPoint user)
    {
        double x = user.X - _media.Left, y = user.Y - _media.Bottom, width = _media.Width, height = _media.Height;
        var displayed = _rotation switch
        {
            90 => new PdfPoint(y, width - x),
            180 => new PdfPoint(width - x, height - y),
            270 => new PdfPoint(height - y, x),
            _ => user,
        };
        return _frame.Map(displayed);
    }

    private static bool Between(double value, double a, double b) => value >= Math.Min(a, b) && value <= Math.Max(a, b);
}
