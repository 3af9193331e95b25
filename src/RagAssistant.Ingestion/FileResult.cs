namespace RagAssistant.Ingestion;

/// <summary>The outcome for one file: its status, the stored document, warnings and, when not ingested, the reason.</summary>
public sealed record FileResult(string Path, string Status, long? DocumentId = null, int Chunks = 0, string? Error = null)
{
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
