using System.Data;
using Npgsql;
using Pgvector;
using RagAssistant.Core.Search;
using RagAssistant.Core.Storage;

namespace RagAssistant.Storage.Postgres;

/// <summary>
/// Reads the index change log (<c>index_changes</c>, <see cref="KnowledgeBaseSchema"/>) and the vectors and tags it
/// points at, for in-memory dense indexes. Each read runs in one REPEATABLE READ transaction, so the log position it
/// reports and the rows it returns come from the same snapshot.
/// </summary>
internal static class PostgresIndexChangeLog
{
    private const string VectorRows = StoreRows.IndexedVectorRows;

    private const string TagRows = StoreRows.IndexedTagRows;

    /// <summary>Streams every vector of <paramref name="model"/>; returns the log position they are current to.</summary>
    public static async Task<long> ReadVectorsAsync(NpgsqlConnection connection, string model, Action<IndexedVector> add, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        var seq = await LastSeqAsync(connection, transaction, cancellationToken);
        // In chunk id order: the in-memory index keeps the order rows came in among equal scores, so every load, on
        // either store, ranks tied chunks alike.
        await using (var command = Sql.Command(connection, transaction, VectorRows + " WHERE c.model = @model AND c.vector IS NOT NULL ORDER BY c.id", ("model", model)))
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
        if (IndexChangeRules.Before(last, afterSeq) is { } answer) return answer;
        var oldest = await Sql.ScalarAsync(connection, transaction, "SELECT min(seq) FROM index_changes", cancellationToken) as long?;
        if (IndexChangeRules.Pruned(last, afterSeq, oldest) is { } pruned) return pruned;

        var page = new IndexChangeRules.Page(afterSeq);
        await using (var rows = Sql.Command(connection, transaction, "SELECT seq, chunk_id, document_id FROM index_changes WHERE seq > @after ORDER BY seq LIMIT @limit",
            ("after", afterSeq), ("limit", limit)))
        await using (var reader = await rows.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
                if (!page.Add(reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetInt64(2)))
                    return page.Reload(last);
        }

        var upserts = new List<IndexedVector>();
        if (page.ChunkIds.Count > 0)
        {
            await using var command = Sql.Command(connection, transaction, VectorRows + " WHERE c.id = ANY(@ids) AND c.model = @model AND c.vector IS NOT NULL",
                ("ids", page.ChunkIds.ToArray()), ("model", model));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) upserts.Add(ReadVector(reader));
        }
        var tags = new List<IndexedTag>();
        if (page.DocumentIds.Count > 0)
        {
            await using var command = Sql.Command(connection, transaction, TagRows + " WHERE c.document_id = ANY(@ids) AND c.model = @model AND c.vector IS NOT NULL",
                ("ids", page.DocumentIds.ToArray()), ("model", model));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                tags.Add(new IndexedTag(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                    reader.GetBoolean(4), reader.GetString(5)));
        }
        await transaction.CommitAsync(cancellationToken);
        return page.Resolve(last, upserts, tags);
    }

    /// <summary>The number of the newest change ever logged (0 before the first); pruning does not lower it.</summary>
    private static async Task<long> LastSeqAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        (long)(await Sql.ScalarAsync(connection, transaction, "SELECT last_change FROM kb_counters WHERE id = 1", cancellationToken))!;

    private static IndexedVector ReadVector(NpgsqlDataReader r) =>
        new(r.GetInt64(0), r.GetFieldValue<Vector>(1).ToArray(), r.GetString(2), r.GetString(3),
            r.IsDBNull(4) ? null : r.GetString(4), r.GetBoolean(5), r.GetString(6));
}
