namespace RagAssistant.Ingestion.Readers.Pdf;

/// <summary>
/// One entry of a contents page: its text without dot leaders and page number ("1.2 标准充电条件 Standard Charge
/// Condition"), its level (from its clause number; 1 without one), the page number printed beside it (null when it is
/// not an arabic number, "iv"), and the PDF page the contents entry stands on.
/// </summary>
internal sealed record OutlineEntry(string Text, int Level, int? PrintedPage, int ContentsPage);
