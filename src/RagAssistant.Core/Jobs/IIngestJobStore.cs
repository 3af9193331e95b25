namespace RagAssistant.Core.Jobs;

/// <summary>
/// The durable side of the ingestion queue: a file accepted for ingestion is stored here, bytes included, before the
/// caller hears "accepted", so a restart or a crash loses nothing that was accepted. The queue keeps its in-memory list
/// for the pages; this store is what survives. A job's bytes are dropped once it has finished (the document store keeps
/// the original of what was ingested).
/// </summary>
public interface IIngestJobStore
{
    /// <summary>Stores a new job with what it will read; throws <see cref="Storage.KnowledgeBaseException"/> when it cannot be stored.</summary>
    Task AddAsync(IngestJob job, QueuedFile file, CancellationToken cancellationToken = default);

    /// <summary>Every stored job, oldest first, without their bytes.</summary>
    Task<IReadOnlyList<IngestJob>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>What an unfinished job reads; null when the job is gone or has finished.</summary>
    Task<QueuedFile?> ReadFileAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>Writes the job's state, outcome and attempts; a finished job's bytes are dropped in the same write.</summary>
    Task SaveAsync(IngestJob job, CancellationToken cancellationToken = default);

    /// <summary>Forgets jobs (finished ones: the history is bounded).</summary>
    Task DeleteAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default);
}

/// <summary>
/// What a queued job reads: uploaded bytes (<paramref name="Content"/>), or a file on the server's disk
/// (<paramref name="Path"/>, the sample corpus); <paramref name="Source"/> is set when a stored document is re-indexed
/// under its source name.
/// </summary>
public sealed record QueuedFile(byte[]? Content, string? Path = null, string? Source = null);
