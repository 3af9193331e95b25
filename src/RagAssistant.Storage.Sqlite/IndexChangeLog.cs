using System.Text.Json;
using Microsoft.Data.Sqlite;
using RagAssistant.Core.Search;

namespace RagAssistant.Storage.Sqlite;

/// <summary>
/// Reads the index change log (<c>index_changes</c>, schema migration 9) and the vectors and tags it points at, for
/// in-memory dense indexes. Each read runs in one read transaction, so the log position it reports and the rows it
/// returns come from the same snapshot of the file (WAL readers do not block writers).
/// </summary>
internal static class IndexChangeLog
{
    // "+c.model" keeps SQLite off the chunks_model index where the rows are picked by id or document: with it, the
    // planner may scan every chunk of the model (1M rows) to find the few asked for.
    private const string VectorRows = """
        SELECT c.id, c.vector, l.name, d.kind, d.identity_key, d.superseded, c.language
        FROM chunks c JOIN documents d ON d.id = c.document_id JOIN libraries l ON l.id = d.library_id
        """;

    private const string TagRows = """
        SELECT c.id, l.name, d.kind, d.identity_key, d.superseded, c.language
        FROM chunks c JOIN documents d ON d.id = c.document_id JOIN libraries l ON l.id = d.library_id
        """;

    /// <summary>Streams every vector of <paramref name="model"/>; returns the log position they are current to.</summary>
    public static long ReadVectors(SqliteConnection connection, string model, Action<IndexedVector> add)
    {
        using var transaction = connection.BeginTransaction(deferred: true);
        var seq = LastSeq(connection, transaction);
        using var command = Command(connection, transaction, VectorRows + " WHERE c.model = $model AND c.vector IS NOT NULL");
        command.Parameters.AddWithValue("$model", model);
        using (var reader = command.ExecuteReader())
            while (reader.Read()) add(ReadVector(reader));
        transaction.Commit();
        return seq;
    }

    /// <summary>The changes after <paramref name="afterSeq"/> (at most <paramref name="limit"/> log rows), resolved to current vectors and tags.</summary>
    public static IndexChanges ReadChanges(SqliteConnection connection, string model, long afterSeq, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        using var transaction = connection.BeginTransaction(deferred: true);
        var last = LastSeq(connection, transaction);
        if (last == afterSeq) return IndexChanges.None(afterSeq);
        if (last < afterSeq)
            return IndexChanges.Reload(last, $"the change log ends at {last}, before this index's position {afterSeq}: the file was restored or replaced");
        using (var oldest = Command(connection, transaction, "SELECT min(seq) FROM index_changes"))
        {
            var kept = oldest.ExecuteScalar() is long value ? value : (long?)null;
            // Rows are numbered without gaps and pruned from the oldest up (migration 9): a gap before the oldest kept row
            // means changes this index never saw were pruned.
            if (kept is null || kept > afterSeq + 1)
                return IndexChanges.Reload(last, $"the change log was pruned past this index's position {afterSeq} (oldest change kept: {kept?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"})");
        }

        var chunkIds = new HashSet<long>();
        var documentIds = new HashSet<long>();
        var seq = afterSeq;
        using (var page = Command(connection, transaction, "SELECT seq, chunk_id, document_id FROM index_changes WHERE seq > $after ORDER BY seq LIMIT $limit"))
        {
            page.Parameters.AddWithValue("$after", afterSeq);
            page.Parameters.AddWithValue("$limit", limit);
            using var reader = page.ExecuteReader();
            while (reader.Read())
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
            using var command = Command(connection, transaction,
                VectorRows + " WHERE c.id IN (SELECT value FROM json_each($ids)) AND +c.model = $model AND c.vector IS NOT NULL");
            command.Parameters.AddWithValue("$ids", JsonSerializer.Serialize(chunkIds));
            command.Parameters.AddWithValue("$model", model);
            using var reader = command.ExecuteReader();
            while (reader.Read()) upserts.Add(ReadVector(reader));
        }
        var upserted = upserts.Select(v => v.ChunkId).ToHashSet();
        // A changed chunk that no longer carries a vector of the model (deleted, emptied, re-embedded by another) leaves.
        var removes = chunkIds.Where(id => !upserted.Contains(id)).ToList();

        var retags = new List<IndexedTag>();
        if (documentIds.Count > 0)
        {
            using var command = Command(connection, transaction,
                TagRows + " WHERE c.document_id IN (SELECT value FROM json_each($ids)) AND +c.model = $model AND c.vector IS NOT NULL");
            command.Parameters.AddWithValue("$ids", JsonSerializer.Serialize(documentIds));
            command.Parameters.AddWithValue("$model", model);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var id = reader.GetInt64(0);
                if (!upserted.Contains(id))
                    retags.Add(new IndexedTag(id, reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                        reader.GetInt64(4) != 0, reader.GetString(5)));
            }
        }
        transaction.Commit();
        return new IndexChanges(seq, false, upserts, retags, removes, More: seq < last);
    }

    /// <summary>The number of the newest change ever logged (0 before the first); pruning does not lower it.</summary>
    private static long LastSeq(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var command = Command(connection, transaction, "SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'index_changes'), 0)");
        return (long)command.ExecuteScalar()!;
    }

    private static IndexedVector ReadVector(SqliteDataReader r) =>
        new(r.GetInt64(0), VectorBlob.FromBytes((byte[])r.GetValue(1)), r.GetString(2), r.GetString(3),
            r.IsDBNull(4) ? null : r.GetString(4), r.GetInt64(5) != 0, r.GetString(6));

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}
