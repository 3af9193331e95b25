namespace RagAssistant.Core.Documents;

/// <summary>
/// The state of one page of a paged document; the values are the JSON and database spelling. A scanned page starts
/// as <see cref="NeedsOcr"/> and becomes <see cref="OcrDone"/> once an OCR step has added its text.
/// </summary>
public static class PageStatus
{
    /// <summary>The page has a text layer that was extracted.</summary>
    public const string Text = "text";
    /// <summary>The page has images but no (or almost no) text layer: it needs OCR before its content is searchable.</summary>
    public const string NeedsOcr = "needs_ocr";
    /// <summary>OCR has supplied the page's text (set by the OCR step, not by the readers).</summary>
    public const string OcrDone = "ocr_done";
    /// <summary>
    /// OCR supplied the page's text, but its mean confidence is below the threshold (Rag:Ocr:MinConfidence):
    /// the text is kept and searchable, <see cref="PageInfo.Error"/> gives the figure, and the document stays ready.
    /// </summary>
    public const string OcrLowConfidence = "ocr_low_confidence";
    /// <summary>The page has neither text nor images (a blank page).</summary>
    public const string Empty = "empty";
    /// <summary>The page could not be read (malformed content); the reason is in <see cref="PageInfo.Error"/>.</summary>
    public const string Failed = "failed";
}
