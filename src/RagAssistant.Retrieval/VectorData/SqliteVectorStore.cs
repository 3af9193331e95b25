using System.Runtime.CompilerServices;
using Microsoft.Extensions.VectorData;

namespace RagAssistant.Retrieval.VectorData;

/// <summary>
/// The SQLite knowledge base as a VectorData <see cref="VectorStore"/>. It holds one collection,
/// <see cref="ChunkRecord.CollectionName"/> (<see cref="SqliteChunkCollection"/>, keys <see cref="long"/>, records
/// <see cref="ChunkRecord"/>); its schema is migrated when the database is opened, and it cannot be deleted.
/// </summary>
public sealed class SqliteVectorStore(SqliteChunkCollection chunks) : VectorStore
{
    public const string SystemName = "sqlite";

    private readonly VectorStoreMetadata _metadata = new() { VectorStoreSystemName = SystemName };

    /// <summary>The chunks collection; other names, key or record types are not supported.</summary>
    public override VectorStoreCollection<TKey, TRecord> GetCollection<TKey, TRecord>(string name, VectorStoreCollectionDefinition? definition = null)
    {
        if (name != ChunkRecord.CollectionName || typeof(TKey) != typeof(long) || typeof(TRecord) != typeof(ChunkRecord))
            throw new NotSupportedException($"This store holds one collection, '{ChunkRecord.CollectionName}' of <long, {nameof(ChunkRecord)}>.");
        var dimensions = definition?.Properties.OfType<VectorStoreVectorProperty>().FirstOrDefault()?.Dimensions;
        if (dimensions is not null && dimensions != chunks.Dimensions)
            throw new ArgumentException($"the definition's vector has {dimensions} dimensions, the configured model {chunks.Dimensions}", nameof(definition));
        return (VectorStoreCollection<TKey, TRecord>)(object)chunks;
    }

    /// <summary>Not supported: the knowledge base has a fixed schema.</summary>
    public override VectorStoreCollection<object, Dictionary<string, object?>> GetDynamicCollection(string name, VectorStoreCollectionDefinition definition) =>
        throw new NotSupportedException($"This store holds one typed collection, '{ChunkRecord.CollectionName}' of {nameof(ChunkRecord)}.");

    public override async IAsyncEnumerable<string> ListCollectionNamesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask;
        yield return ChunkRecord.CollectionName;
    }

    public override Task<bool> CollectionExistsAsync(string name, CancellationToken cancellationToken = default) =>
        Task.FromResult(name == ChunkRecord.CollectionName);

    /// <summary>Not supported for the chunks collection (chunks belong to their documents); a no-op for names that do not exist.</summary>
    public override Task EnsureCollectionDeletedAsync(string name, CancellationToken cancellationToken = default) =>
        name == ChunkRecord.CollectionName ? chunks.EnsureCollectionDeletedAsync(cancellationToken) : Task.CompletedTask;

    public override object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(VectorStoreMetadata) ? _metadata
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }
}
