namespace RagAssistant.Ingestion.Ocr;

/// <summary>What OCR read from one image: its size in pixels and its lines in the detector's reading order.</summary>
public sealed record OcrPage(int Width, int Height, IReadOnlyList<OcrLine> Lines)
{
    /// <summary>The lines' text joined by newlines.</summary>
    public string Text => string.Join('\n', Lines.Select(l => l.Text));
}
