namespace RagAssistant.Core.Documents;

/// <summary>Stored document states.</summary>
public static class DocumentStatus
{
    /// <summary>Parsed and chunked; searchable.</summary>
    public const string Ready = "ready";
    /// <summary>
    /// Stored, but some or all pages have no text layer (scanned): those pages need OCR before they can be searched.
    /// The pages concerned carry <see cref="PageStatus.NeedsOcr"/>; an OCR step later turns them into
    /// <see cref="PageStatus.OcrDone"/>, adds their chunks and sets the document back to <see cref="Ready"/>.
    /// </summary>
    public const string NeedsOcr = "needs_ocr";
}
