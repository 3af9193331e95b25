namespace RagAssistant.Storage.Sqlite;

/// <summary>A finished backup: the file, its size, and what it holds (counted in the copy itself).</summary>
public sealed record BackupResult(string Database, string File, long Bytes, long Documents, long Chunks, DateTimeOffset CreatedAt);
