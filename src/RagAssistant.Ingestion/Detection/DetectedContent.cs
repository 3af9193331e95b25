namespace RagAssistant.Ingestion.Detection;

/// <summary>The result of content detection: the type, the decoded text for text types, and any warning.</summary>
public sealed record DetectedContent(string Type, string? Text = null, string? Encoding = null, string? Warning = null);
