using Npgsql;
using Pgvector;
using RagAssistant.Core.Documents;
using RagAssistant.Core.Storage;

namespace RagAssistant.Storage.Postgres;

/// <summary>Chunk vectors for re-embedding: each batch written in one short transaction under the write lock, as on SQLite.</summary>
public sealed class PostgresChunkVectorStore(PostgresDatabase database) : IChunkVectorStore
{
    private readonly VectorModels _models = new(database);

    public Task<IReadOnlyList<ChunkToEmbed>> GetChunksToEmbedAsync(long afterId, int limit, CancellationToken cancellationToken = default) =>
        ReadAsync("""
            SELECT c.id, c.context, c.text, CASE WHEN c.vector IS NULL THEN NULL ELSE c.model END FROM chunks c
            WHERE c.id > @after ORDER BY c.id LIMIT @limit
            """,
            r => new ChunkToEmbed(r.GetInt64(0), ChunkDraft.ComposeIndexedText(r.GetString(1), r.GetString(2)), r.IsDBNull(3) ? null : r.GetString(3)),
            cancellationToken, ("after", afterId), ("limit", limit));

    public async Task<int> WriteVectorsAsync(IReadOnlyList<(long ChunkId, ChunkVector Vector)> vectors, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await _models.EnsureAsync(vectors.Select(v => (v.Vector.Model, v.Vector.Dimension)), cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        try
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await Sql.LockForWriteAsync(connection, transaction, cancellationToken);
            var updated = 0;
            foreach (var (chunkId, vector) in vectors)
            {
                await using var update = Sql.Command(connection, transaction,
                    "UPDATE chunks SET vector = @vector, model = @model, dimension = @dimension WHERE id = @id",
                    ("vector", new Vector(vector.Values)), ("model", vector.Model), ("dimension", vector.Dimension), ("id", chunkId));
                updated += await update.ExecuteNonQueryAsync(cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
            return updated;
        }
        catch (Exception ex) when (ex is NpgsqlException or PostgresException)
        {
            throw database.Translate(ex);
        }
    }

    public Task<IReadOnlyList<ModelChunkCount>> CountByModelAsync(CancellationToken cancellationToken = default) =>
        ReadAsync("SELECT model, dimension, count(*)::int FROM chunks GROUP BY model, dimension ORDER BY count(*) DESC",
            r => new ModelChunkCount(r.IsDBNull(0) ? null : r.GetString(0), r.IsDBNull(1) ? null : r.GetInt32(1), r.GetInt32(2)), cancellationToken);

    /// <summary>
    /// The character class is CjkText.IsCjk's ranges, U+4E00–U+9FFF, U+3400–U+4DBF, U+F900–U+FAFF, spelled with chr() because
    /// U+F900 is a compatibility ideograph that normalisation in an editor would silently turn into U+8C48.
    /// </summary>
    public Task<IReadOnlyList<ModelLanguageCount>> CountByModelAndLanguageAsync(CancellationToken cancellationToken = default) =>
        ReadAsync("""
            SELECT CASE WHEN vector IS NULL THEN NULL ELSE model END,
                   CASE WHEN context || ' ' || text ~ ('[' || chr(19968) || '-' || chr(40959) || chr(13312) || '-' || chr(19903) || chr(63744) || '-' || chr(64255) || ']') THEN 'zh' ELSE 'en' END AS language, count(*)::int
            FROM chunks GROUP BY 1, 2 ORDER BY 3 DESC
            """,
            r => new ModelLanguageCount(r.IsDBNull(0) ? null : r.GetString(0), r.GetString(1), r.GetInt32(2)), cancellationToken);

    public async Task<ChunkVector?> GetVectorAsync(long chunkId, CancellationToken cancellationToken = default) =>
        (await ReadAsync("SELECT vector, model FROM chunks WHERE id = @id AND vector IS NOT NULL",
            r => new ChunkVector(r.GetString(1), r.GetFieldValue<Vector>(0).ToArray()), cancellationToken, ("id", chunkId))).FirstOrDefault();

    private async Task<IReadOnlyList<T>> ReadAsync<T>(string sql, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        try
        {
            await using var command = Sql.Command(connection, null, sql, parameters);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var rows = new List<T>();
            while (await reader.ReadAsync(cancellationToken)) rows.Add(read(reader));
            return rows;
        }
        catch (Exception ex) when (ex is NpgsqlException or PostgresException)
        {
            throw database.Translate(ex);
        }
    }
}
