using System.Globalization;
using System.Text;
using Npgsql;
using Pgvector;
using RagAssistant.Core.Search;

namespace RagAssistant.Storage.Postgres;

/// <summary>
/// The nearest-neighbour statement over one model's partial HNSW index (<c>kb_register_model</c>,
/// <see cref="KnowledgeBaseSchema"/>). The planner uses a partial expression index only when the query repeats its
/// expression and proves its predicate, so the ORDER BY is <c>vector::vector(DIM) &lt;=&gt; query</c> with the dimension
/// written as a number, and the model is written as a literal, <c>model = 'MODEL'</c>: a parameter would not prove the
/// predicate in a generic (prepared) plan, and the search would fall back to a scan of every chunk.
/// </summary>
internal static class NearestQuery
{
    /// <summary>
    /// pgvector 0.8's settings for one search, for the transaction only (SET LOCAL: pooled connections keep nothing):
    /// <c>ef_search</c> candidates (at least <paramref name="k"/>, or the index would return fewer rows than asked), and an
    /// iterative scan, so that when filters drop candidates the index keeps scanning until <paramref name="k"/> rows
    /// pass. <c>relaxed_order</c> may return rows slightly out of distance order: callers sort them again.
    /// </summary>
    public static string Settings(int efSearch, int k) => string.Create(CultureInfo.InvariantCulture,
        $"SET LOCAL hnsw.ef_search = {Math.Clamp(Math.Max(efSearch, k), 1, 1000)}; SET LOCAL hnsw.iterative_scan = relaxed_order");

    /// <summary>The <paramref name="k"/> nearest chunks of <paramref name="model"/> that pass <paramref name="filter"/>: rows of (id, cosine distance).</summary>
    public static NpgsqlCommand Build(NpgsqlConnection connection, NpgsqlTransaction? transaction, string model, int dimension,
        ReadOnlyMemory<float> query, int k, SearchFilter filter)
    {
        var command = new NpgsqlCommand { Connection = connection, Transaction = transaction };
        var where = new StringBuilder($"c.model = {Literal(model)} AND c.vector IS NOT NULL");
        SearchFilterSql.Append(command, filter, where);
        var distance = string.Create(CultureInfo.InvariantCulture, $"c.vector::vector({dimension}) <=> @query::vector({dimension})");
        command.CommandText = $"""
            SELECT c.id, {distance}
            FROM chunks c JOIN documents d ON d.id = c.document_id JOIN libraries l ON l.id = d.library_id
            WHERE {where}
            ORDER BY {distance}
            LIMIT @k
            """;
        command.Parameters.Add(new NpgsqlParameter("query", new Vector(query)));
        command.Parameters.Add(new NpgsqlParameter("k", k));
        return command;
    }

    /// <summary>A SQL string literal (standard_conforming_strings, on since PostgreSQL 9.1: only quotes are doubled).</summary>
    public static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}
