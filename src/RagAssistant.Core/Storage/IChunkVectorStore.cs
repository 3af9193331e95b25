using RagAssistant.Core.Documents;

namespace RagAssistant.Core.Storage;

/// <summary>
/// Chunk vectors, for re-embedding after a change of model. A re-embedding run stages vectors in batches and then
/// swaps them all in with one transaction, so a crash never leaves the knowledge base with two vector spaces mixed
/// by the run itself.
/// </summary>
public interface IChunkVectorStore
{
    /// <summary>Chunks (id order, after <paramref name="afterId"/>) without a vector of <paramref name="model"/>.</summary>
    Task<IReadOnlyList<ChunkToEmbed>> GetChunksToEmbedAsync(string model, long afterId, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Starts a re-embedding run for <paramref name="model"/>: forgets vectors staged for other models; those staged for
    /// this model by a run that did not finish are kept (resumed).
    /// </summary>
    Task BeginStagingAsync(string model, CancellationToken cancellationToken = default);

    /// <summary>Stages a batch of vectors in one transaction; they are not visible until <see cref="CommitStagedAsync"/>.</summary>
    Task StageVectorsAsync(IReadOnlyList<(long ChunkId, ChunkVector Vector)> vectors, CancellationToken cancellationToken = default);

    /// <summary>Moves every staged vector onto its chunk in one transaction; returns how many chunks were updated.</summary>
    Task<int> CommitStagedAsync(CancellationToken cancellationToken = default);

    /// <summary>Chunk counts per embedding model (null: not embedded).</summary>
    Task<IReadOnlyList<ModelChunkCount>> CountByModelAsync(CancellationToken cancellationToken = default);

    /// <summary>The stored vector of a chunk, or null.</summary>
    Task<ChunkVector?> GetVectorAsync(long chunkId, CancellationToken cancellationToken = default);
}

/// <summary>A chunk's id and the text that is embedded.</summary>
public sealed record ChunkToEmbed(long Id, string IndexedText);

/// <summary>How many chunks carry vectors of one model, and their dimension.</summary>
public sealed record ModelChunkCount(string? Model, int? Dimension, int Chunks);
