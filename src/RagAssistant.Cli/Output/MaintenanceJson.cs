namespace RagAssistant.Cli.Output;

/// <summary><c>rag backup --json</c>: the file written, its size in bytes and what it holds.</summary>
internal sealed record BackupJson(string Database, string File, long Bytes, long Documents, long Chunks, DateTimeOffset CreatedAt);

/// <summary><c>rag restore --json</c>: the database replaced, from which backup, and where the replaced file was kept (null when there was none).</summary>
internal sealed record RestoreJson(string Database, string Backup, string? Previous, long Documents, long Chunks, int SchemaVersion);

/// <summary><c>rag check --json</c>: <c>ok</c> when no problem is left; with <c>--repair</c> what was done and which problems it mended.</summary>
internal sealed record CheckJson(
    string Database, bool Ok, long Documents, long Chunks, long Vectors,
    IReadOnlyList<CheckProblemJson> Problems, IReadOnlyList<CheckProblemJson> Repaired, IReadOnlyList<string> Repairs);

internal sealed record CheckProblemJson(string Check, string? Table, long? Id, string Message, bool Repairable);
