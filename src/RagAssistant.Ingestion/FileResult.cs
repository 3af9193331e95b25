using RagAssistant.Core.Documents;

namespace RagAssistant.Ingestion;

/// <summary>The outcome for one file: its status, the stored document, warnings and, when not ingested, the reason.</summary>
public sealed record FileResult(string Path, string Status, long? DocumentId = null, int Chunks = 0, string? Error = null)
{
    public IReadOnlyList<IngestNote> Warnings { get; init; } = [];

    /// <summary>Why the file failed or was skipped, as a code (<see cref="Error"/> has the detail); null when it was not.</summary>
    public IngestProblem? Problem { get; init; }
}
