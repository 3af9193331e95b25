using Microsoft.Data.Sqlite;
using RagAssistant.Core.Documents;
using RagAssistant.Core.Storage;

namespace RagAssistant.Storage.Sqlite;

/// <summary>
/// Chunk vectors for re-embedding. Vectors of a run are first written to <c>staged_vectors</c> in batches, then
/// copied onto the chunks in one transaction: a crash before that leaves every chunk with its old vector, a crash
/// after it leaves every chunk with its new one.
/// </summary>
public sealed class SqliteChunkVectorStore(SqliteDatabase database) : IChunkVectorStore
{
    public Task<IReadOnlyList<ChunkToEmbed>> GetChunksToEmbedAsync(long afterId, int limit, CancellationToken cancellationToken = default)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT c.id, c.context, c.text, CASE WHEN c.vector IS NULL THEN NULL ELSE c.model END FROM chunks c
            WHERE c.id > $after ORDER BY c.id LIMIT $limit
            """;
        command.Parameters.AddWithValue("$after", afterId);
        command.Parameters.AddWithValue("$limit", limit);
        using var reader = command.ExecuteReader();
        var chunks = new List<ChunkToEmbed>();
        while (reader.Read())
            chunks.Add(new ChunkToEmbed(reader.GetInt64(0), ChunkDraft.ComposeIndexedText(reader.GetString(1), reader.GetString(2)),
                reader.IsDBNull(3) ? null : reader.GetString(3)));
        return Task.FromResult<IReadOnlyList<ChunkToEmbed>>(chunks);
    }

    public Task<int> WriteVectorsAsync(IReadOnlyList<(long ChunkId, ChunkVector Vector)> vectors, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        // Blobs are made before the transaction: the write lock is held for the updates only.
        var rows = vectors.Select(v => (v.ChunkId, Blob: VectorBlob.ToBytes(v.Vector.Values.Span), v.Vector.Model, v.Vector.Dimension)).ToList();
        return Write(connection =>
        {
            using var update = connection.CreateCommand();
            update.CommandText = "UPDATE chunks SET vector = $vector, model = $model, dimension = $dimension WHERE id = $id";
            var pId = update.Parameters.Add("$id", SqliteType.Integer);
            var pVector = update.Parameters.Add("$vector", SqliteType.Blob);
            var pModel = update.Parameters.Add("$model", SqliteType.Text);
            var pDimension = update.Parameters.Add("$dimension", SqliteType.Integer);
            var updated = 0;
            foreach (var row in rows)
            {
                (pId.Value, pVector.Value, pModel.Value, pDimension.Value) = (row.ChunkId, row.Blob, row.Model, row.Dimension);
                updated += update.ExecuteNonQuery();
            }
            return updated;
        });
    }

    public Task<IReadOnlyList<ModelChunkCount>> CountByModelAsync(CancellationToken cancellationToken = default)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT model, dimension, count(*) FROM chunks GROUP BY model, dimension ORDER BY count(*) DESC";
        using var reader = command.ExecuteReader();
        var counts = new List<ModelChunkCount>();
        while (reader.Read())
            counts.Add(new ModelChunkCount(reader.IsDBNull(0) ? null : reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetInt32(1), reader.GetInt32(2)));
        return Task.FromResult<IReadOnlyList<ModelChunkCount>>(counts);
    }

    public Task<IReadOnlyList<ModelLanguageCount>> CountByModelAndLanguageAsync(CancellationToken cancellationToken = default)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        // GLOB compares code points, so these ranges are CjkText.IsCjk's (CJK unified ideographs, extension A, compatibility).
        command.CommandText = """
            SELECT CASE WHEN vector IS NULL THEN NULL ELSE model END,
                   CASE WHEN context || ' ' || text GLOB '*[一-鿿㐀-䶿豈-﫿]*' THEN 'zh' ELSE 'en' END AS language, count(*)
            FROM chunks GROUP BY 1, 2 ORDER BY 3 DESC
            """;
        using var reader = command.ExecuteReader();
        var counts = new List<ModelLanguageCount>();
        while (reader.Read())
            counts.Add(new ModelLanguageCount(reader.IsDBNull(0) ? null : reader.GetString(0), reader.GetString(1), reader.GetInt32(2)));
        return Task.FromResult<IReadOnlyList<ModelLanguageCount>>(counts);
    }

    public Task<ChunkVector?> GetVectorAsync(long chunkId, CancellationToken cancellationToken = default)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT vector, model FROM chunks WHERE id = $id AND vector IS NOT NULL";
        command.Parameters.AddWithValue("$id", chunkId);
        using var reader = command.ExecuteReader();
        return Task.FromResult(reader.Read() ? new ChunkVector(reader.GetString(1), VectorBlob.FromBytes((byte[])reader.GetValue(0))) : null);
    }

    private Task<T> Write<T>(Func<SqliteConnection, T> body)
    {
        using var connection = database.Open();
        try
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            var result = body(connection);
            transaction.Commit();
            return Task.FromResult(result);
        }
        catch (SqliteException ex)
        {
            throw database.Translate(ex);
        }
    }

}
