using System.Text.Json.Serialization;

namespace RagAssistant.Core.Documents;

/// <summary>
/// A rectangle of text on a page, in PDF user-space coordinates (points, origin bottom-left), so a viewer can draw the
/// highlight over the rendered page.
/// </summary>
public sealed record PageBox(int Page, double Left, double Bottom, double Right, double Top)
{
    /// <summary>Text read by OCR from a scan: the recogniser's mean character confidence (0–1); null for a text layer.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Ocr { get; init; }

    /// <summary>Read by OCR with a confidence under Rag:Ocr:MinConfidence: kept, but to be checked against the original.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Uncertain { get; init; }

    /// <summary>
    /// In a chunk holding a run of table rows ("table 2 rows 1-6"): the number of the row the box belongs to (6 for
    /// "table 2 row 6"), so a citation of one row highlights that row alone. Null elsewhere.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Row { get; init; }
}
