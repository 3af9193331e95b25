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

    /// <summary>
    /// Candidates the HNSW index keeps per search (pgvector's <c>hnsw.ef_search</c>) when dense search runs in the database
    /// (<c>Rag:Retrieval:DenseIndex</c> = <c>database</c>); never fewer than the rows asked for, so hybrid search, which
    /// asks 100 candidates, searches with 100. Default 40 (pgvector's own): recall@10 0.9995 on 100,000 embedding-like
    /// vectors of 384 dimensions, 0.9585 on 1,000,000 (0.9710 at 100; README, "Running on a database server").
    /// </summary>
    [Range(1, 1000)]
    public int HnswEfSearch { get; set; } = 40;
}
