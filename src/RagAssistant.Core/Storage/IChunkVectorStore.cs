using RagAssistant.Core.Documents;

namespace RagAssistant.Core.Storage;

/// <summary>
/// Chunk vectors, for re-embedding after a change of model. A re-embedding run writes its vectors batch by batch, each
/// batch in one short transaction, so questions, sign-ins and conversation turns never wait behind the whole run; every
/// vector carries its model, so chunks of the old and the new model side by side are searched each by its own model,
/// and a run that stopped resumes with the chunks that still lack the wanted model.
/// </summary>
public interface IChunkVectorStore
{
    /// <summary>Chunks in id order after <paramref name="afterId"/>, with the model of their stored vector (null: none).</summary>
    Task<IReadOnlyList<ChunkToEmbed>> GetChunksToEmbedAsync(long afterId, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Puts a batch of vectors on their chunks in one short transaction; a chunk deleted meanwhile is skipped. Returns
    /// how many chunks were updated.
    /// </summary>
    Task<int> WriteVectorsAsync(IReadOnlyList<(long ChunkId, ChunkVector Vector)> vectors, CancellationToken cancellationToken = default);

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
