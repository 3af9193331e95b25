namespace RagAssistant.Core.Documents;

/// <summary>Stored document states.</summary>
public static class DocumentStatus
{
    /// <summary>Parsed and chunked; searchable.</summary>
    public const string Ready = "ready";
    /// <summary>Stored but has no text layer (scanned); needs OCR before it can be searched.</summary>
    public const string NeedsOcr = "needs_ocr";
}
