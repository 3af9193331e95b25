namespace RagAssistant.Storage.Sqlite;

/// <summary>
/// One thing <see cref="KnowledgeBaseCheck"/> found wrong: which check (<see cref="CheckNames"/>), the table and row id
/// when there is one, why, and whether <c>rag check --repair</c> can rebuild it (derived data) or not (the data itself).
/// </summary>
public sealed record CheckProblem(string Check, string? Table, long? Id, string Message, bool Repairable);

/// <summary>The names of the checks, as they appear in <c>rag check --json</c>.</summary>
public static class CheckNames
{
    public const string Integrity = "integrity";
    public const string ForeignKey = "foreign_key";
    public const string Fts = "fts";
    public const string Vector = "vector";
    public const string Revision = "revision";
    public const string Original = "original";
    public const string WriteGeneration = "write_generation";
}
