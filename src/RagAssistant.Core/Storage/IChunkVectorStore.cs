using RagAssistant.Core.Documents;

namespace RagAssistant.Core.Storage;

/// <summary>
/// Chunk vectors, for re-embedding after a change of model. A re-embedding run stages vectors in batches and then
/// swaps them all in with one transaction, so a crash never leaves the knowledge base with two vector spaces mixed
/// by the run itself.
/// </summary>
public interface IChunkVectorStore
{
    /// <summary>
    /// Chunks (id order, after <paramref name="afterId"/>) that may need a vector of one of <paramref name="models"/>:
    /// every chunk not already staged with one of them, with the model of its stored vector (null: none), so the caller
    /// can tell by the chunk's text which model should embed it.
    /// </summary>
    Task<IReadOnlyList<ChunkToEmbed>> GetChunksToEmbedAsync(IReadOnlyCollection<string> models, long afterId, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Starts a re-embedding run for <paramref name="models"/>: forgets vectors staged for other models; those staged for
    /// these models by a run that did not finish are kept (resumed).
    /// </summary>
    Task BeginStagingAsync(IReadOnlyCollection<string> models, CancellationToken cancellationToken = default);

    /// <summary>Stages a batch of vectors in one transaction; they are not visible until <see cref="CommitStagedAsync"/>.</summary>
    Task StageVectorsAsync(IReadOnlyList<(long ChunkId, ChunkVector Vector)> vectors, CancellationToken cancellationToken = default);

    /// <summary>Moves every staged vector onto its chunk in one transaction; returns how many chunks were updated.</summary>
    Task<int> CommitStagedAsync(CancellationToken cancellationToken = default);

    /// <summary>Chunk counts per embedding model (null: not embedded).</summary>
    Task<IReadOnlyList<ModelChunkCount>> CountByModelAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Chunk counts per embedding model (null: not embedded) and language of the embedded text ("zh" when it holds a CJK
    /// character, as <see cref="Text.TextLanguage.OfPassage"/> decides, else "en"): what the status page needs to say how
    /// many chunks lack a vector from the model that reads them.
    /// </summary>
    Task<IReadOnlyList<ModelLanguageCount>> CountByModelAndLanguageAsync(CancellationToken cancellationToken = default);

    /// <summary>The stored vector of a chunk, or null.</summary>
    Task<ChunkVector?> GetVectorAsync(long chunkId, CancellationToken cancellationToken = default);
}

/// <summary>A chunk's id, the text that is embedded and the model of its stored vector (null: none).</summary>
public sealed record ChunkToEmbed(long Id, string IndexedText, string? Model = null);

/// <summary>How many chunks carry vectors of one model, and their dimension.</summary>
public sealed record ModelChunkCount(string? Model, int? Dimension, int Chunks);

/// <summary>How many chunks of one language ("zh" / "en") carry vectors of one model (null: none).</summary>
public sealed record ModelLanguageCount(string? Model, string Language, int Chunks);
