namespace RagAssistant.Ingestion;

/// <summary>A file cannot be ingested; <see cref="Exception.Message"/> is the reason a user sees next to the file.</summary>
public sealed class IngestionException(string reason, Exception? inner = null) : Exception(reason, inner);
