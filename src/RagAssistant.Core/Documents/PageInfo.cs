namespace RagAssistant.Core.Documents;

/// <summary>What a reader found on one page of a paged document.</summary>
/// <param name="Number">1-based page number.</param>
/// <param name="Status">One of <see cref="PageStatus"/>.</param>
/// <param name="Characters">Characters of extracted text on the page (after normalisation).</param>
/// <param name="Error">Why the page could not be read, for <see cref="PageStatus.Failed"/>.</param>
public sealed record PageInfo(int Number, string Status, int Characters, string? Error = null)
{
    /// <summary>
    /// How far the page as a viewer shows it (a PDF page after its /Rotate; an image as stored) must be turned clockwise
    /// for its text to read upright: 0, 90, 180 or 270 degrees. OCR finds it on a scan or photo placed sideways or upside
    /// down. The page's boxes (<see cref="PageBox"/>) stay in the page's own coordinates whatever it is, so a viewer that
    /// turns the page by it still lands its highlights.
    /// </summary>
    public int Rotation { get; init; }
}
