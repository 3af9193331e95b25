using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using RagAssistant.Core.Documents;
using RagAssistant.Core.Search;
using RagAssistant.Core.Storage;

namespace RagAssistant.Storage.Sqlite;

/// <summary>FTS5/BM25 keyword search with document filters, and chunk loading for results.</summary>
public sealed class SqliteChunkSearch(SqliteDatabase database) : IChunkSearch
{
    /// <summary>
    /// BM25 column weights: the context line (title › headings) counts as much as the chunk's own text — it is part of
    /// what the chunk says (a clause's heading, a card's part number). Measured: halving it lowered hit@5 on the corpus
    /// set (0.889 → 0.877) and left emanual-en unchanged.
    /// </summary>
    private const string Bm25 = "bm25(chunks_fts, 1.0, 1.0)";

    public Task<IReadOnlyList<ChunkHit>> KeywordSearchAsync(string matchExpression, SearchFilter filter, int top, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(matchExpression) || top <= 0) return Task.FromResult<IReadOnlyList<ChunkHit>>([]);
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        var where = new StringBuilder("chunks_fts MATCH $match");
        AppendFilter(command, filter, where);
        command.CommandText = $"""
            SELECT chunks_fts.rowid, {Bm25} AS rank
            FROM chunks_fts JOIN chunks c ON c.id = chunks_fts.rowid JOIN documents d ON d.id = c.document_id
            JOIN libraries l ON l.id = d.library_id
            WHERE {where} ORDER BY rank LIMIT $top
            """;
        command.Parameters.AddWithValue("$match", matchExpression);
        command.Parameters.AddWithValue("$top", top);
        var hits = new List<ChunkHit>();
        try
        {
            using var reader = command.ExecuteReader();
            while (reader.Read()) hits.Add(new ChunkHit(reader.GetInt64(0), -reader.GetDouble(1)));
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == 1)
        {
            // An FTS5 syntax error means the caller built a bad expression; callers quote every term, so report it.
            throw new ArgumentException($"invalid keyword query: {ex.Message}", nameof(matchExpression), ex);
        }
        return Task.FromResult<IReadOnlyList<ChunkHit>>(hits);
    }

    public Task<IReadOnlyList<RetrievedChunk>> GetChunksAsync(IReadOnlyCollection<long> chunkIds, SearchFilter filter, CancellationToken cancellationToken = default)
    {
        if (chunkIds.Count == 0) return Task.FromResult<IReadOnlyList<RetrievedChunk>>([]);
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        // json_each keeps the statement the same for any number of ids; the filter is the same SQL keyword search uses.
        var where = new StringBuilder("c.id IN (SELECT value FROM json_each($ids))");
        AppendFilter(command, filter, where);
        command.CommandText = $"""
            SELECT {StoreRows.RetrievedChunkColumns}
            FROM chunks c JOIN documents d ON d.id = c.document_id JOIN libraries l ON l.id = d.library_id
            WHERE {where}
            """;
        command.Parameters.AddWithValue("$ids", JsonSerializer.Serialize(chunkIds));
        var byId = new Dictionary<long, RetrievedChunk>();
        using (var r = command.ExecuteReader())
        {
            while (r.Read()) byId[r.GetInt64(0)] = StoreRows.RetrievedChunk(r);
        }
        // Keep the caller's order (best first).
        return Task.FromResult<IReadOnlyList<RetrievedChunk>>(chunkIds.Where(byId.ContainsKey).Select(id => byId[id]).ToList());
    }

    public async Task<IReadOnlyList<IndexedVector>> ReadVectorsAsync(string model, CancellationToken cancellationToken = default)
    {
        var vectors = new List<IndexedVector>();
        await ReadVectorsAsync(model, vectors.Add, cancellationToken);
        return vectors;
    }

    public Task<long> ReadVectorsAsync(string model, Action<IndexedVector> add, CancellationToken cancellationToken = default)
    {
        using var connection = database.Open();
        return Task.FromResult(IndexChangeLog.ReadVectors(connection, model, add));
    }

    public Task<IndexChanges> ReadIndexChangesAsync(string model, long afterSeq, int limit, CancellationToken cancellationToken = default)
    {
        using var connection = database.Open();
        return Task.FromResult(IndexChangeLog.ReadChanges(connection, model, afterSeq, limit));
    }

    public Task<long> WriteGenerationAsync(CancellationToken cancellationToken = default)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        // Bumped by triggers (schema migration 8) on every write, whichever process or code path made it.
        command.CommandText = "SELECT value FROM write_generation WHERE id = 1";
        return Task.FromResult((long)command.ExecuteScalar()!);
    }

    internal static void AppendFilter(SqliteCommand command, SearchFilter filter, StringBuilder where)
    {
        if (filter.Libraries is { Count: > 0 } libraries)
        {
            where.Append(" AND l.name IN (SELECT value FROM json_each($libraries))");
            command.Parameters.AddWithValue("$libraries", JsonSerializer.Serialize(libraries));
        }
        if (filter.Kinds is { Count: > 0 } kinds)
        {
            where.Append(" AND d.kind IN (SELECT value FROM json_each($kinds))");
            command.Parameters.AddWithValue("$kinds", JsonSerializer.Serialize(kinds));
        }
        if (filter.Identity is { } identity)
        {
            where.Append(" AND d.identity_key = $identity");
            command.Parameters.AddWithValue("$identity", SqliteDocumentStore.IdentityKey(identity));
        }
        if (filter.CurrentOnly) where.Append(" AND d.superseded = 0");
        if (filter.Language is { } language)
        {
            where.Append(" AND c.language = $language");
            command.Parameters.AddWithValue("$language", language);
        }
    }
}
