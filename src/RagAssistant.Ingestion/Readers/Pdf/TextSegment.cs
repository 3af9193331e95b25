namespace RagAssistant.Ingestion.Readers.Pdf;

/// <summary>
/// A run of words on one baseline with no wide gap or ruling line inside it: a line of a column, or one table cell's
/// line. Coordinates are PDF user space (points, origin bottom-left).
/// </summary>
internal sealed record TextSegment(string Text, double Left, double Bottom, double Right, double Top, double FontSize, bool Bold)
{
    public double Width => Right - Left;
}
