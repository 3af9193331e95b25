namespace RagAssistant.Storage.Sqlite;

/// <summary>
/// What <see cref="KnowledgeBaseCheck"/> found: the problems left (after a repair, those it could not mend), what a
/// repair did and which problems it mended, and the counts of the checked file.
/// </summary>
public sealed record CheckReport(
    string Database, long Documents, long Chunks, long Vectors,
    IReadOnlyList<CheckProblem> Problems, IReadOnlyList<CheckProblem> Repaired, IReadOnlyList<string> Repairs)
{
    public bool Ok => Problems.Count == 0;
}
