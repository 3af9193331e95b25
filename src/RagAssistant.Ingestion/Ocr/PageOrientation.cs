using SkiaSharp;

namespace RagAssistant.Ingestion.Ocr;

/// <summary>
/// Finds how a scanned page or photo is turned, from OCR's own first reading of it, and reads it again upright when it is
/// not. Scans and photos are often placed sideways or upside down with nothing in the file saying so, and the direction
/// classifier turns single lines by 180° only: a sideways page comes back as columns of lines in the wrong order, an
/// upside-down page as its lines bottom to top, and the layout, heading, clause and table logic would run on neither.
/// The evidence, from the first reading:
/// <list type="bullet">
/// <item>Sideways: text lines at least <see cref="TallRatio"/> times taller than wide (the recogniser's own rule for a line
/// it must turn to read) hold a clear majority, <see cref="ClearMajority"/>, of the page's text area. A column of short
/// labels or a narrow table column on an upright page holds a small share; Chinese vertical writing (竖排) is rare in these
/// documents. Which way: such lines were turned a quarter turn clockwise to be read, and the classifier flags those that
/// then read upside down. Mostly flagged: the text runs top to bottom and the page is turned 270° (a quarter turn
/// anticlockwise); otherwise it runs bottom to top and is turned 90°.</item>
/// <item>Upside down: a clear majority of the text area is in lines the classifier flagged upside down: 180°.</item>
/// </list>
/// The page is then turned and read again. After a quarter turn, a reading that is again mostly upside down means the
/// other quarter turn, which is read instead (rare: the first reading's votes are seldom wrong). The turned reading is
/// kept unless the recogniser is clearly less sure of it than of the first (mean character confidence more than
/// <see cref="ConfidenceMargin"/> lower), so weak evidence cannot turn a page for the worse. An upright page costs nothing
/// beyond its one reading: the shares are sums over its lines.
/// </summary>
public static class PageOrientation
{
    /// <summary>A box this many times taller than wide holds a line running up or down the page (RapidOcrNet's own rule).</summary>
    public const double TallRatio = 1.5;

    /// <summary>Share of the text area that decides a turn: a clear majority, not a column of labels.</summary>
    public const double ClearMajority = 0.6;

    /// <summary>How much less sure (mean character confidence, 0–1) the turned reading may be and still be kept.</summary>
    public const double ConfidenceMargin = 0.05;

    /// <summary>Reads <paramref name="bitmap"/> with <paramref name="read"/>, turned upright when its first reading shows it is not.</summary>
    public static OcrPage Read(SKBitmap bitmap, Func<SKBitmap, OcrPage> read)
    {
        ArgumentNullException.ThrowIfNull(bitmap);
        ArgumentNullException.ThrowIfNull(read);
        var first = read(bitmap);
        var turn = Suspect(first);
        if (turn == 0) return first;
        var turned = ReadTurned(bitmap, turn, read);
        if (turn is 90 or 270 && UpsideDownShare(turned.Lines) > 0.5) turned = ReadTurned(bitmap, 360 - turn, read);
        return MeanConfidence(turned) >= MeanConfidence(first) - ConfidenceMargin ? turned : first;
    }

    /// <summary>
    /// The turn (degrees clockwise: 0, 90, 180, 270) the first reading of a page suggests would make its text upright;
    /// see the class summary for the evidence.
    /// </summary>
    public static int Suspect(OcrPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        double total = 0, tall = 0, tallFlipped = 0, flipped = 0;
        foreach (var line in page.Lines)
        {
            var (box, area) = (line.Bounds, Area(line));
            total += area;
            if (line.UpsideDown) flipped += area;
            if (box.Height < TallRatio * box.Width) continue;
            tall += area;
            if (line.UpsideDown) tallFlipped += area;
        }
        if (total <= 0) return 0;
        if (tall >= ClearMajority * total) return tallFlipped > tall / 2 ? 270 : 90;
        return flipped >= ClearMajority * total ? 180 : 0;
    }

    /// <summary>A copy of <paramref name="bitmap"/> turned clockwise by <paramref name="degrees"/> (0, 90, 180, 270), pixel for pixel.</summary>
    public static SKBitmap Turn(SKBitmap bitmap, int degrees)
    {
        ArgumentNullException.ThrowIfNull(bitmap);
        int width = bitmap.Width, height = bitmap.Height;
        var quarter = degrees is 90 or 270;
        var turned = new SKBitmap(new SKImageInfo(quarter ? height : width, quarter ? width : height, bitmap.ColorType, bitmap.AlphaType));
        using var canvas = new SKCanvas(turned);
        // Each turn maps pixel edges onto pixel edges (see Unturn for the point mapping), so no pixel is resampled.
        switch (degrees)
        {
            case 90: canvas.Translate(height, 0); break;
            case 180: canvas.Translate(width, height); break;
            case 270: canvas.Translate(0, width); break;
            case 0: break;
            default: throw new ArgumentOutOfRangeException(nameof(degrees), degrees, "a quarter turn: 0, 90, 180 or 270");
        }
        canvas.RotateDegrees(degrees);
        canvas.DrawBitmap(bitmap, 0, 0);
        canvas.Flush();
        return turned;
    }

    /// <summary>
    /// Where a point of an image turned clockwise by <paramref name="degrees"/> (<see cref="Turn"/>) of size
    /// <paramref name="turnedWidth"/> × <paramref name="turnedHeight"/> lies on the image before it was turned (pixels, y down).
    /// </summary>
    public static OcrPoint Unturn(OcrPoint point, float turnedWidth, float turnedHeight, int degrees) => degrees switch
    {
        90 => new(point.Y, turnedWidth - point.X),
        180 => new(turnedWidth - point.X, turnedHeight - point.Y),
        270 => new(turnedHeight - point.Y, point.X),
        _ => point,
    };

    private static OcrPage ReadTurned(SKBitmap bitmap, int degrees, Func<SKBitmap, OcrPage> read)
    {
        using var turned = Turn(bitmap, degrees);
        return read(turned) with { Rotation = degrees };
    }

    private static double UpsideDownShare(IReadOnlyList<OcrLine> lines)
    {
        double total = lines.Sum(Area);
        return total <= 0 ? 0 : lines.Where(l => l.UpsideDown).Sum(Area) / total;
    }

    private static double Area(OcrLine line) => Math.Max(line.Bounds.Width, 1) * Math.Max(line.Bounds.Height, 1);

    /// <summary>Mean character confidence, weighted by line length; 0 without text.</summary>
    private static double MeanConfidence(OcrPage page)
    {
        var characters = page.Lines.Sum(l => l.Text.Length);
        return characters == 0 ? 0 : page.Lines.Sum(l => l.Confidence * l.Text.Length) / characters;
    }
}
