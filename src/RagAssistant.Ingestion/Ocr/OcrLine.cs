namespace RagAssistant.Ingestion.Ocr;

/// <summary>
/// One text line read from an image: its text, the detector's quadrilateral in image pixels (clockwise from the
/// top-left corner as the detector saw it), and the recogniser's confidence (mean of the per-character scores, 0–1).
/// </summary>
public sealed record OcrLine(string Text, IReadOnlyList<OcrPoint> Corners, double Confidence)
{
    /// <summary>The direction classifier found the line upside down; it was turned before it was read.</summary>
    public bool UpsideDown { get; init; }

    /// <summary>The axis-aligned rectangle around <see cref="Corners"/>, in image pixels (y down).</summary>
    public OcrRect Bounds => new(Corners.Min(p => p.X), Corners.Min(p => p.Y), Corners.Max(p => p.X), Corners.Max(p => p.Y));
}

/// <summary>A point in image pixels, y pointing down.</summary>
public readonly record struct OcrPoint(float X, float Y);

/// <summary>An axis-aligned rectangle in image pixels, y pointing down.</summary>
public readonly record struct OcrRect(float Left, float Top, float Right, float Bottom)
{
    public float Width => Right - Left;
    public float Height => Bottom - Top;
}
