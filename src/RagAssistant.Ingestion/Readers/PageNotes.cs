using RagAssistant.Core.Documents;

namespace RagAssistant.Ingestion.Readers;

/// <summary>The notes of paged readers (PDF, multi-page images) about pages they could not read, worded once.</summary>
internal static class PageNotes
{
    /// <summary>A note per failed page for the first few, then one with the count in all: a 500-page scan does not list 500 lines.</summary>
    public const int Listed = 5;

    public static IngestNote Unreadable(int page, string reason) =>
        new(IngestWarning.PagesUnreadable, $"page {page} could not be read: {reason}") { Pages = [page], Count = 1 };

    public static IngestNote UnreadableInAll(int count) =>
        new(IngestWarning.PagesUnreadable, $"{count} pages in all could not be read") { Count = count };

    public static IngestNote OcrFailed(int page, string? reason) =>
        new(IngestWarning.OcrFailed, $"page {page}: OCR failed: {reason}") { Pages = [page], Count = 1 };

    public static IngestNote OcrFailedInAll(int count) =>
        new(IngestWarning.OcrFailed, $"OCR failed on {count} pages in all") { Count = count };

    public static IngestNote NotRendered(string reason) =>
        new(IngestWarning.OcrFailed, $"the scanned pages could not be rendered for OCR: {reason}");
}
