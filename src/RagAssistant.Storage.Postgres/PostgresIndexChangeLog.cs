using System.Data;
using System.Globalization;
using Npgsql;
using Pgvector;
using RagAssistant.Core.Search;

namespace RagAssistant.Storage.Postgres;

/// <summary>
/// Reads the index change log (<c>index_changes</c>, <see cref="KnowledgeBaseSchema"/>) and the vectors and tags it
/// points at, for in-memory dense indexes. Each read runs in one REPEATABLE READ transaction, so the log position it
/// reports and the rows it returns come from the same snapshot.
/// </summary>
internal static class PostgresIndexChangeLog
{
    private const string VectorRows = """
        SELECT c.id, c.vector, l.name, d.kind, d.identity_key, d.superseded, c.language
        FROM chunks c JOIN documents d ON d.id = c.document_id JOIN libraries l ON l.id = d.library_id
        """;

    private const string TagRows = """
        SELECT c.id, l.name, d.kind, d.identity_key, d.superseded, c.language
        FROM chunks c JOIN documents d ON d.id = c.document_id JOIN libraries l ON l.id = d.library_id
        """;

    /// <summary>Streams every vector of <paramref name="model"/>; returns the log position they are current to.</summary>
    public static async Task<long> ReadVectorsAsync(NpgsqlConnection connection, string model, Action<IndexedVector> add, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        var seq = await LastSeqAsync(connection, transaction, cancellationToken);
        await using (var command = Sql.Command(connection, transaction, VectorRows + " WHERE c.model = @model AND c.vector IS NOT NULL", ("model", model)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            while (await reader.ReadAsync(cancellationToken)) add(ReadVector(reader));
        await transaction.CommitAsync(cancellationToken);
        return seq;
    }

    /// <summary>The changes after <paramref name="afterSeq"/> (at most <paramref name="limit"/> log rows), resolved to current vectors and tags.</summary>
    public static async Task<IndexChanges> ReadChangesAsync(NpgsqlConnection connection, string model, long afterSeq, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        var last = await LastSeqAsync(connection, transaction, cancellationToken);
        if (last == afterSeq) return IndexChanges.None(afterSeq);
        if (last < afterSeq)
            return IndexChanges.Reload(last, $"the change log ends at {last}, before this index's position {afterSeq}: the database was restored or replaced");
        var kept = await Sql.ScalarAsync(connection, transaction, "SELECT min(seq) FROM index_changes", cancellationToken) as long?;
        // Changes are numbered without gaps and pruned from the oldest up: a gap before the oldest kept row means changes
        // this index never saw were pruned.
        if (kept is null || kept > afterSeq + 1)
            return IndexChanges.Reload(last, $"the change log was pruned past this index's position {afterSeq} (oldest change kept: {kept?.ToString(CultureInfo.InvariantCulture) ?? "none"})");

        var chunkIds = new HashSet<long>();
        var documentIds = new HashSet<long>();
        var seq = afterSeq;
        await using (var page = Sql.Command(connection, transaction, "SELECT seq, chunk_id, document_id FROM index_changes WHERE seq > @after ORDER BY seq LIMIT @limit",
            ("after", afterSeq), ("limit", limit)))
        await using (var reader = await page.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                seq = reader.GetInt64(0);
                if (!reader.IsDBNull(1)) chunkIds.Add(reader.GetInt64(1));
                else if (!reader.IsDBNull(2)) documentIds.Add(reader.GetInt64(2));
                else return IndexChanges.Reload(last, $"change {seq} asks every index to reload (a broad change such as a migration)");
            }
        }

        var upserts = new List<IndexedVector>();
        if (chunkIds.Count > 0)
        {
            await using var command = Sql.Command(connection, transaction, VectorRows + " WHERE c.id = ANY(@ids) AND c.model = @model AND c.vector IS NOT NULL",
                ("ids", chunkIds.ToArray()), ("model", model));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) upserts.Add(ReadVector(reader));
        }
        var upserted = upserts.Select(v => v.ChunkId).ToHashSet();
        // A changed chunk that no longer carries a vector of the model (deleted, emptied, re-embedded by another) leaves.
        var removes = chunkIds.Where(id => !upserted.Contains(id)).ToList();

        var retags = new List<IndexedTag>();
        if (documentIds.Count > 0)
        {
            await using var command = Sql.Command(connection, transaction, TagRows + " WHERE c.document_id = ANY(@ids) AND c.model = @model AND c.vector IS NOT NULL",
                ("ids", documentIds.ToArray()), ("model", model));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var id = reader.GetInt64(0);
                if (!upserted.Contains(id))
                    retags.Add(new IndexedTag(id, reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                        reader.GetBoolean(4), reader.GetString(5)));
            }
        }
        await transaction.CommitAsync(cancellationToken);
        return new IndexChanges(seq, false, upserts, retags, removes, More: seq < last);
    }

    /// <summary>The number of the newest change ever logged (0 before the first); pruning does not lower it.</summary>
    private static async Task<long> LastSeqAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        (long)(await Sql.ScalarAsync(connection, transaction, "SELECT last_change FROM kb_counters WHERE id = 1", cancellationToken))!;

    private static IndexedVector ReadVector(NpgsqlDataReader r) =>
        new(r.GetInt64(0), r.GetFieldValue<Vector>(1).ToArray(), r.GetString(2), r.GetString(3),
            r.IsDBNull(4) ? null : r.GetString(4), r.GetBoolean(5), r.GetString(6));
}
