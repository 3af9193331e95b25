using System.Text;
using Npgsql;
using RagAssistant.Core.Search;
using RagAssistant.Core.Storage;

namespace RagAssistant.Storage.Postgres;

/// <summary>BM25 keyword search (<see cref="Bm25Query"/>) with every filter in SQL, chunk loading for results, and the dense indexes' feed.</summary>
public sealed class PostgresChunkSearch(PostgresDatabase database) : IChunkSearch
{
    public async Task<IReadOnlyList<ChunkHit>> KeywordSearchAsync(string matchExpression, SearchFilter filter, int top, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(matchExpression) || top <= 0) return [];
        var query = KeywordQuery.Parse(matchExpression);
        await using var connection = await database.OpenAsync(cancellationToken);
        try
        {
            await using var command = Bm25Query.Build(connection, query, filter, top);
            if (command.CommandText.Length == 0) return [];
            var hits = new List<ChunkHit>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) hits.Add(new ChunkHit(reader.GetInt64(0), reader.GetDouble(1)));
            return hits;
        }
        catch (Exception ex) when (ex is NpgsqlException or PostgresException)
        {
            throw database.Translate(ex);
        }
    }

    public async Task<IReadOnlyList<RetrievedChunk>> GetChunksAsync(IReadOnlyCollection<long> chunkIds, SearchFilter filter, CancellationToken cancellationToken = default)
    {
        if (chunkIds.Count == 0) return [];
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand { Connection = connection };
        var where = new StringBuilder("c.id = ANY(@ids)");
        SearchFilterSql.Append(command, filter, where);
        command.CommandText = $"""
            SELECT {StoreRows.RetrievedChunkColumns}
            FROM chunks c JOIN documents d ON d.id = c.document_id JOIN libraries l ON l.id = d.library_id
            WHERE {where}
            """;
        command.Parameters.Add(new NpgsqlParameter("ids", chunkIds.ToArray()));
        var byId = new Dictionary<long, RetrievedChunk>();
        try
        {
            await using var r = await command.ExecuteReaderAsync(cancellationToken);
            while (await r.ReadAsync(cancellationToken)) byId[r.GetInt64(0)] = StoreRows.RetrievedChunk(r);
        }
        catch (Exception ex) when (ex is NpgsqlException or PostgresException)
        {
            throw database.Translate(ex);
        }
        // Keep the caller's order (best first).
        return chunkIds.Where(byId.ContainsKey).Select(id => byId[id]).ToList();
    }

    public async Task<IReadOnlyList<IndexedVector>> ReadVectorsAsync(string model, CancellationToken cancellationToken = default)
    {
        var vectors = new List<IndexedVector>();
        await ReadVectorsAsync(model, vectors.Add, cancellationToken);
        return vectors;
    }

    public Task<long> ReadVectorsAsync(string model, Action<IndexedVector> add, CancellationToken cancellationToken = default) =>
        OnConnectionAsync(connection => PostgresIndexChangeLog.ReadVectorsAsync(connection, model, add, cancellationToken), cancellationToken);

    public Task<IndexChanges> ReadIndexChangesAsync(string model, long afterSeq, int limit, CancellationToken cancellationToken = default) =>
        OnConnectionAsync(connection => PostgresIndexChangeLog.ReadChangesAsync(connection, model, afterSeq, limit, cancellationToken), cancellationToken);

    /// <summary>Bumped by triggers (<see cref="KnowledgeBaseSchema"/>) on every write, whichever process or code path made it.</summary>
    public Task<long> WriteGenerationAsync(CancellationToken cancellationToken = default) =>
        OnConnectionAsync(async connection =>
            (long)(await Sql.ScalarAsync(connection, null, "SELECT generation FROM kb_counters WHERE id = 1", cancellationToken))!, cancellationToken);

    private async Task<T> OnConnectionAsync<T>(Func<NpgsqlConnection, Task<T>> body, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        try
        {
            return await body(connection);
        }
        catch (Exception ex) when (ex is NpgsqlException or PostgresException)
        {
            throw database.Translate(ex);
        }
    }
}
