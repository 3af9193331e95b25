using System.Text.Json;
using Microsoft.Data.Sqlite;
using RagAssistant.Core.Search;
using RagAssistant.Core.Storage;

namespace RagAssistant.Storage.Sqlite;

/// <summary>
/// Reads the index change log (<c>index_changes</c>, schema migration 9) and the vectors and tags it points at, for
/// in-memory dense indexes. Each read runs in one read transaction, so the log position it reports and the rows it
/// returns come from the same snapshot of the file (WAL readers do not block writers).
/// </summary>
internal static class IndexChangeLog
{
    private const string VectorRows = StoreRows.IndexedVectorRows;

    private const string TagRows = StoreRows.IndexedTagRows;

    /// <summary>Streams every vector of <paramref name="model"/>; returns the log position they are current to.</summary>
    public static long ReadVectors(SqliteConnection connection, string model, Action<IndexedVector> add)
    {
        using var transaction = connection.BeginTransaction(deferred: true);
        var seq = LastSeq(connection, transaction);
        // In chunk id order: the in-memory index keeps the order rows came in among equal scores, so every load, on
        // either store, ranks tied chunks alike.
        using var command = Command(connection, transaction, VectorRows + " WHERE c.model = $model AND c.vector IS NOT NULL ORDER BY c.id");
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
        if (IndexChangeRules.Before(last, afterSeq) is { } answer) return answer;
        using (var oldest = Command(connection, transaction, "SELECT min(seq) FROM index_changes"))
            if (IndexChangeRules.Pruned(last, afterSeq, oldest.ExecuteScalar() as long?) is { } pruned) return pruned;

        var page = new IndexChangeRules.Page(afterSeq);
        using (var rows = Command(connection, transaction, "SELECT seq, chunk_id, document_id FROM index_changes WHERE seq > $after ORDER BY seq LIMIT $limit"))
        {
            rows.Parameters.AddWithValue("$after", afterSeq);
            rows.Parameters.AddWithValue("$limit", limit);
            using var reader = rows.ExecuteReader();
            while (reader.Read())
                if (!page.Add(reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetInt64(2)))
                    return page.Reload(last);
        }

        // "+c.model" keeps SQLite off the chunks_model index where the rows are picked by id or document: with it, the
        // planner may scan every chunk of the model (1M rows) to find the few asked for.
        var upserts = new List<IndexedVector>();
        if (page.ChunkIds.Count > 0)
        {
            using var command = Command(connection, transaction,
                VectorRows + " WHERE c.id IN (SELECT value FROM json_each($ids)) AND +c.model = $model AND c.vector IS NOT NULL");
            command.Parameters.AddWithValue("$ids", JsonSerializer.Serialize(page.ChunkIds));
            command.Parameters.AddWithValue("$model", model);
            using var reader = command.ExecuteReader();
            while (reader.Read()) upserts.Add(ReadVector(reader));
        }
        var tags = new List<IndexedTag>();
        if (page.DocumentIds.Count > 0)
        {
            using var command = Command(connection, transaction,
                TagRows + " WHERE c.document_id IN (SELECT value FROM json_each($ids)) AND +c.model = $model AND c.vector IS NOT NULL");
            command.Parameters.AddWithValue("$ids", JsonSerializer.Serialize(page.DocumentIds));
            command.Parameters.AddWithValue("$model", model);
            using var reader = command.ExecuteReader();
            while (reader.Read())
                tags.Add(new IndexedTag(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                    reader.GetInt64(4) != 0, reader.GetString(5)));
        }
        transaction.Commit();
        return page.Resolve(last, upserts, tags);
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
