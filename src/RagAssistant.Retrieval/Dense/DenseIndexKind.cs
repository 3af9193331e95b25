namespace RagAssistant.Retrieval.Dense;

/// <summary>Where dense search finds its nearest chunks (<c>Rag:Retrieval:DenseIndex</c>).</summary>
public enum DenseIndexKind
{
    /// <summary>An in-memory copy of each model's vectors (<see cref="VectorIndexCache"/>), exact below the int8 threshold; either store.</summary>
    Memory,

    /// <summary>The store's own index (<see cref="Core.Search.INearestChunks"/>: PostgreSQL's HNSW), approximate; no vector is held in memory.</summary>
    Database,
}
