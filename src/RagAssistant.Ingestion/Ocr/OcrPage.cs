namespace RagAssistant.Ingestion.Ocr;

/// <summary>
/// What OCR read from one image: its size in pixels and its lines in the detector's reading order. When the image was
/// turned to read it upright (<see cref="Rotation"/>), the size and the lines' corners are those of the turned image.
/// </summary>
public sealed record OcrPage(int Width, int Height, IReadOnlyList<OcrLine> Lines)
{
    /// <summary>
    /// Degrees the image was turned clockwise before it was read, so that its text reads upright: 0, 90, 180 or 270
    /// (<see cref="PageOrientation"/>).
    /// </summary>
    public int Rotation { get; init; }

    /// <summary>The lines' text joined by newlines.</summary>
    public string Text => string.Join('\n', Lines.Select(l => l.Text));
}
