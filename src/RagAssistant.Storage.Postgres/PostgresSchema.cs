namespace RagAssistant.Storage.Postgres;

/// <summary>
/// The PostgreSQL schema, as an ordered list of migrations; table <c>schema_version</c> records how many have run, and
/// opening a database runs the missing ones in one transaction under an advisory lock, so app instances starting
/// together migrate once. Never edit a shipped migration: append a new one. The schema starts from the SQLite store's
/// current shape (its 13 migrations), not its history.
/// </summary>
internal static class PostgresSchema
{
    public static readonly IReadOnlyList<string> All =
    [
        // 1: libraries, documents, revisions, pages, originals, chunks with their vectors and keyword terms, the index change log.
        KnowledgeBaseSchema.Sql,
        // 2: conversations and their turns, feedback marks, the ingestion queue's jobs, the web app's data-protection keys.
        ConversationSchema.Sql,
    ];
}
