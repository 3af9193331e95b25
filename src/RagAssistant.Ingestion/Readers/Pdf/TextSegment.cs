using RagAssistant.Core.Documents;

namespace RagAssistant.Ingestion.Readers.Pdf;

/// <summary>
/// A run of words on one baseline with no wide gap or ruling line inside it: a line of a column, or one table cell's
/// line. Coordinates are PDF user space (points, origin bottom-left).
/// </summary>
internal sealed record TextSegment(string Text, double Left, double Bottom, double Right, double Top, double FontSize, bool Bold)
{
    public double Width => Right - Left;

    /// <summary>Read by OCR: the recogniser's confidence in this line (0–1); null for a text layer.</summary>
    public double? OcrConfidence { get; init; }

    /// <summary>Read by OCR with a confidence under Rag:Ocr:MinConfidence (kept and marked).</summary>
    public bool OcrUncertain { get; init; }

    /// <summary>The box of <paramref name="segments"/> on <paramref name="page"/>, rounded to 0.1 pt, carrying the lowest OCR confidence among them.</summary>
    public static PageBox Box(int page, IReadOnlyCollection<TextSegment> segments) =>
        new(page, Round(segments.Min(s => s.Left)), Round(segments.Min(s => s.Bottom)), Round(segments.Max(s => s.Right)), Round(segments.Max(s => s.Top)))
        {
            Ocr = segments.Min(s => s.OcrConfidence) is { } confidence ? Math.Round(confidence, 2) : null,
            Uncertain = segments.Any(s => s.OcrUncertain),
        };

    // Finer than 0.1 pt is invisible and bloats the stored JSON.
    private static double Round(double v) => Math.Round(v, 1);
}
