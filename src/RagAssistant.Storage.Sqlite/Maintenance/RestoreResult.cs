namespace RagAssistant.Storage.Sqlite;

/// <summary>A finished restore: the database now holding the backup's content, and where the replaced file was kept (null when there was none).</summary>
public sealed record RestoreResult(string Database, string Backup, string? Previous, long Documents, long Chunks, int SchemaVersion);
