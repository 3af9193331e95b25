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
    public Task<IReadOnlyList<ChunkToEmbed>> GetChunksToEmbedAsync(IReadOnlyCollection<string> models, long afterId, int limit, CancellationToken cancellationToken = default)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        // Chunks already staged for one of the models are done (a resumed run does not embed them again).
        var names = ModelParameters(command, models);
        command.CommandText = $"""
            SELECT c.id, c.context, c.text, CASE WHEN c.vector IS NULL THEN NULL ELSE c.model END FROM chunks c
            WHERE c.id > $after
              AND NOT EXISTS (SELECT 1 FROM staged_vectors s WHERE s.chunk_id = c.id AND s.model IN ({names}))
            ORDER BY c.id LIMIT $limit
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

    public Task BeginStagingAsync(IReadOnlyCollection<string> models, CancellationToken cancellationToken = default) =>
        Write<int>(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"DELETE FROM staged_vectors WHERE model NOT IN ({ModelParameters(command, models)})";
            return command.ExecuteNonQuery();
        });

    /// <summary>Adds one parameter per model; returns their names for an IN list.</summary>
    private static string ModelParameters(SqliteCommand command, IReadOnlyCollection<string> models)
    {
        if (models.Count == 0) throw new ArgumentException("no embedding model given", nameof(models));
        var names = models.Select((_, i) => "$model" + i).ToList();
        foreach (var (name, model) in names.Zip(models)) command.Parameters.AddWithValue(name, model);
        return string.Join(", ", names);
    }

    public Task StageVectorsAsync(IReadOnlyList<(long ChunkId, ChunkVector Vector)> vectors, CancellationToken cancellationToken = default) =>
        Write<int>(connection =>
        {
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT OR REPLACE INTO staged_vectors (chunk_id, vector, model, dimension) VALUES ($id, $vector, $model, $dimension)";
            var pId = insert.Parameters.Add("$id", SqliteType.Integer);
            var pVector = insert.Parameters.Add("$vector", SqliteType.Blob);
            var pModel = insert.Parameters.Add("$model", SqliteType.Text);
            var pDimension = insert.Parameters.Add("$dimension", SqliteType.Integer);
            foreach (var (id, vector) in vectors)
            {
                pId.Value = id;
                pVector.Value = VectorBlob.ToBytes(vector.Values.Span);
                pModel.Value = vector.Model;
                pDimension.Value = vector.Dimension;
                insert.ExecuteNonQuery();
            }
            return 0;
        });

    public Task<int> CommitStagedAsync(CancellationToken cancellationToken = default) =>
        Write<int>(connection =>
        {
            var updated = Execute(connection, """
                UPDATE chunks SET vector = s.vector, model = s.model, dimension = s.dimension
                FROM staged_vectors s WHERE s.chunk_id = chunks.id
                """);
            Execute(connection, "DELETE FROM staged_vectors");
            return updated;
        });

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

    private static int Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteNonQuery();
    }
}
