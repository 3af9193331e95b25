using RagAssistant.Core.Documents;

namespace RagAssistant.Ingestion.Detection;

/// <summary>The result of content detection: the type, the decoded text for text types, and any warning.</summary>
public sealed record DetectedContent(string Type, string? Text = null, string? Encoding = null, IngestNote? Warning = null)
{
    /// <summary>Why the content is not a document (binary data), when detection found out more than the type.</summary>
    public string? Reason { get; init; }
}
