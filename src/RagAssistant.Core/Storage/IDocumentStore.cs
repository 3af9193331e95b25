using RagAssistant.Core.Documents;

namespace RagAssistant.Core.Storage;

/// <summary>The knowledge base's documents and chunks. Every write of one document is one transaction.</summary>
public interface IDocumentStore
{
    /// <summary>Opens the store, creating or migrating its schema; throws <see cref="KnowledgeBaseException"/> when it is unusable.</summary>
    Task OpenAsync(CancellationToken cancellationToken = default);

    Task<StoredDocument?> FindBySourceAsync(string library, string source, CancellationToken cancellationToken = default);

    /// <summary>Finds a stored document in <paramref name="library"/> with exactly these bytes.</summary>
    Task<StoredDocument?> FindByContentAsync(string library, string sha256, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores the document and its chunks, replacing the document with the same library and source if there is one,
    /// and re-marks which revision of its identity is current — all in one transaction.
    /// </summary>
    Task<StoredDocument> SaveAsync(DocumentInfo document, IReadOnlyList<ChunkDraft> chunks, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<StoredDocument>> ListAsync(string? library = null, CancellationToken cancellationToken = default);

    Task<StoredDocument?> GetAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Per-page status of a paged document, by page number; empty for formats without pages.</summary>
    Task<IReadOnlyList<PageInfo>> GetPagesAsync(long documentId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<StoredChunk>> GetChunksAsync(long documentId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The original file of a document, byte for byte as ingested; null when there is no such document or its original
    /// was not kept (stored before originals were kept, or with <c>Rag:Storage:KeepOriginals</c> off).
    /// </summary>
    Task<byte[]?> OpenOriginalAsync(long documentId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores the original of a document that has none (an unchanged file re-ingested after originals began to be kept);
    /// returns false when there is no such document, the store does not keep originals, or the bytes are not the
    /// document's (their SHA-256 differs from the stored one).
    /// </summary>
    Task<bool> AttachOriginalAsync(long documentId, byte[] content, CancellationToken cancellationToken = default);

    /// <summary>
    /// Corrects a document's title, identity, revision and kind, in one transaction: the chunks' context lines (and their
    /// keyword index) that begin with the old title take the new one, and which revision is current is re-marked both in
    /// the identity group the document leaves and in the one it joins. Returns the document as stored, or null when there
    /// is no such document; throws <see cref="ArgumentException"/>, changing nothing, when
    /// <see cref="DocumentMetadata.Problems"/> finds any.
    /// </summary>
    Task<StoredDocument?> UpdateMetadataAsync(long id, DocumentMetadata metadata, CancellationToken cancellationToken = default);

    /// <summary>Deletes the document, its chunks and its original; returns false when there is no such document.</summary>
    Task<bool> DeleteAsync(long id, CancellationToken cancellationToken = default);
}
