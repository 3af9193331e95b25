using RagAssistant.Core.Storage;

namespace RagAssistant.Ingestion;

/// <summary>Where ingested documents go and how encrypted files are opened.</summary>
public sealed record IngestRequest(string Library = Libraries.Default)
{
    /// <summary>Passwords tried in order for encrypted files; never logged.</summary>
    public IReadOnlyList<string> Passwords { get; init; } = [];
}
