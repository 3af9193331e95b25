using System.Collections.Concurrent;
using Npgsql;
using RagAssistant.Core.Storage;

namespace RagAssistant.Storage.Postgres;

/// <summary>
/// The embedding models whose vectors the knowledge base holds, each with its one dimension and its HNSW index
/// (<c>kb_register_model</c>, <see cref="KnowledgeBaseSchema"/>). A model is registered in its own short transaction
/// before the first write of its vectors: creating an index waits for writers in flight, so it must not run inside a
/// write that holds the write lock. A vector whose dimension is not its model's is refused before anything is written.
/// </summary>
internal sealed class VectorModels(PostgresDatabase database)
{
    private readonly ConcurrentDictionary<string, int> _known = new(StringComparer.Ordinal);

    /// <summary>Registers each (model, dimension) not yet seen by this process; throws <see cref="KnowledgeBaseException"/> for a wrong dimension.</summary>
    public async Task EnsureAsync(IEnumerable<(string Model, int Dimension)> vectors, CancellationToken cancellationToken)
    {
        foreach (var (model, dimension) in vectors.Distinct())
        {
            if (!_known.TryGetValue(model, out var registered))
            {
                await using var connection = await database.OpenAsync(cancellationToken);
                try
                {
                    registered = Convert.ToInt32(await Sql.ScalarAsync(connection, null, "SELECT kb_register_model(@model, @dimension)", cancellationToken,
                        ("model", model), ("dimension", dimension)), System.Globalization.CultureInfo.InvariantCulture);
                }
                catch (Exception ex) when (ex is NpgsqlException or PostgresException)
                {
                    throw database.Translate(ex);
                }
                _known[model] = registered;
            }
            if (registered != dimension)
                throw new KnowledgeBaseException(
                    $"{database.Name}: vectors of model '{model}' have {registered} dimensions there, this one has {dimension}; a model has one dimension (name a different model, or re-embed every chunk with this one)");
        }
    }
}
