using System.Collections.Concurrent;
using Npgsql;
using Pgvector;
using RagAssistant.Core.Search;
using RagAssistant.Core.Storage;

namespace RagAssistant.Storage.Postgres;

/// <summary>
/// Dense search in the database (<c>Rag:Retrieval:DenseIndex</c> = <c>database</c>): each search is one short
/// transaction that sets the HNSW search settings and asks the model's index for the nearest chunks, every filter in
/// SQL (<see cref="NearestQuery"/>). Scores are cosine similarities, as the in-memory index gives them, so fusion weighs
/// both alike. <paramref name="efSearch"/> is <see cref="PostgresStorageOptions.HnswEfSearch"/>.
/// </summary>
public sealed class PostgresNearestChunks(PostgresDatabase database, int efSearch) : INearestChunks
{
    /// <summary>Each model's registered dimension (a model keeps its one dimension, so a known one never changes).</summary>
    private readonly ConcurrentDictionary<string, int> _dimensions = new(StringComparer.Ordinal);

    public async Task<IReadOnlyList<ChunkHit>> NearestAsync(string model, ReadOnlyMemory<float> query, int k, SearchFilter filter, CancellationToken cancellationToken = default)
    {
        if (k <= 0) return [];
        return await database.RunAsync(async connection =>
        {
            if (await DimensionAsync(connection, model, cancellationToken) is not { } dimension) return [];
            if (dimension != query.Length)
                throw new KnowledgeBaseException($"{database.Name}: vectors of model '{model}' have {dimension} dimensions, the query has {query.Length}");
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await Sql.ExecuteAsync(connection, transaction, NearestQuery.Settings(efSearch, k), cancellationToken);
            var hits = new List<ChunkHit>(k);
            await using (var command = NearestQuery.Build(connection, transaction, model, dimension, query, k, filter))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
                while (await reader.ReadAsync(cancellationToken)) hits.Add(new ChunkHit(reader.GetInt64(0), 1 - reader.GetDouble(1)));
            await transaction.CommitAsync(cancellationToken);
            // The iterative scan's relaxed order: sorted again, ties by chunk id as the in-memory index keeps them.
            return hits.OrderByDescending(h => h.Score).ThenBy(h => h.ChunkId).ToList();
        }, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<long, float[]>> VectorsAsync(string model, IReadOnlyCollection<long> chunkIds, CancellationToken cancellationToken = default)
    {
        var vectors = new Dictionary<long, float[]>();
        if (chunkIds.Count == 0) return vectors;
        return await database.RunAsync(async connection =>
        {
            await using var command = Sql.Command(connection, null,
                "SELECT id, vector FROM chunks WHERE id = ANY(@ids) AND model = @model AND vector IS NOT NULL", ("ids", chunkIds.ToArray()), ("model", model));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) vectors[reader.GetInt64(0)] = UnitLength(reader.GetFieldValue<Vector>(1).ToArray());
            return vectors;
        }, cancellationToken);
    }

    private async Task<int?> DimensionAsync(NpgsqlConnection connection, string model, CancellationToken cancellationToken)
    {
        if (_dimensions.TryGetValue(model, out var known)) return known;
        // Not cached while unregistered: the model's first vectors may arrive later.
        if (await Sql.ScalarAsync(connection, null, "SELECT dimension FROM vector_models WHERE model = @model", cancellationToken, ("model", model)) is not int dimension)
            return null;
        return _dimensions[model] = dimension;
    }

    /// <summary>The vector scaled to length 1, as the in-memory index holds it (cosine = dot product).</summary>
    private static float[] UnitLength(float[] vector)
    {
        var norm = Math.Sqrt(vector.Sum(x => (double)x * x));
        if (norm > 0) for (var i = 0; i < vector.Length; i++) vector[i] = (float)(vector[i] / norm);
        return vector;
    }
}
