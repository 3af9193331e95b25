namespace RagAssistant.Storage.Postgres;

/// <summary>Migration 1: the knowledge base proper (libraries, documents, chunks, vectors, keyword terms, change log).</summary>
internal static class KnowledgeBaseSchema
{
    public const string Sql = """
        CREATE EXTENSION IF NOT EXISTS vector;
        """;
}
