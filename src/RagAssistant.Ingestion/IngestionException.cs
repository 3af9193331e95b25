using RagAssistant.Core.Documents;

namespace RagAssistant.Ingestion;

/// <summary>
/// A file cannot be ingested: <see cref="Problem"/> says why as a code (the UI words it), <see cref="Exception.Message"/>
/// is the reason with its technical detail (CLI, API, log).
/// </summary>
public sealed class IngestionException(IngestProblem problem, string reason, Exception? inner = null) : Exception(reason, inner)
{
    public IngestProblem Problem { get; } = problem;
}
