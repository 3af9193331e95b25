namespace RagAssistant.Core.Storage;

/// <summary>
/// Where the knowledge base lives, as the status page tells it: a SQLite file's full path, or a PostgreSQL server and
/// database (never its password). <paramref name="BackedUpByServer"/> is true when backups are the database server's
/// job (pg_dump, replicas) rather than the app's scheduled file copies.
/// </summary>
public sealed record KnowledgeBaseLocation(string Description, bool BackedUpByServer);
