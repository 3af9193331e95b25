using System.ComponentModel.DataAnnotations;

namespace RagAssistant.Storage.Sqlite;

/// <summary>Where the knowledge base lives. Bound from the configuration section <c>Rag:Storage</c>.</summary>
public sealed class SqliteStorageOptions
{
    public const string Section = "Rag:Storage";

    /// <summary>The SQLite file; relative paths are taken from the working directory. Default: <c>data/rag.db</c>.</summary>
    [Required]
    public string DatabasePath { get; set; } = "data/rag.db";
}
