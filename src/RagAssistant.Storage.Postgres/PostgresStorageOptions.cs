using System.ComponentModel.DataAnnotations;

namespace RagAssistant.Storage.Postgres;

/// <summary>
/// Where a PostgreSQL knowledge base lives. Bound from <c>Rag:Storage</c>, the section the SQLite store reads too:
/// <c>Rag:Storage:Provider</c> = <c>postgres</c> picks this store, <c>Rag:Storage:ConnectionString</c> says where.
/// </summary>
public sealed class PostgresStorageOptions
{
    public const string Section = "Rag:Storage";

    /// <summary>An Npgsql connection string, e.g. <c>Host=db1;Database=rag;Username=rag;Password=…</c>.</summary>
    [Required]
    public string ConnectionString { get; set; } = "";

    /// <summary>Whether each document's original file is stored with it, as in the SQLite store. Default true.</summary>
    public bool KeepOriginals { get; set; } = true;
}
