using RagAssistant.Core.Documents;
using RagAssistant.Core.Jobs;
using RagAssistant.Core.Storage.Rows;
using static RagAssistant.Storage.Postgres.PostgresCommands;

namespace RagAssistant.Storage.Postgres;

/// <summary>
/// The ingestion queue's jobs in the PostgreSQL knowledge base (<c>ingest_jobs</c> of migration 2), as the SQLite store
/// keeps them: bytes in the row until the job ends, state by its API name, warnings as <see cref="IngestNotesJson"/>.
/// </summary>
public sealed class PostgresIngestJobStore(PostgresDatabase database) : ISharedIngestJobStore
{
    private const string Columns = IngestJobRow.Columns;

    public Task AddAsync(IngestJob job, QueuedFile file, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        return database.RunAsync(connection => ExecuteAsync(connection, cancellationToken, $"""
            INSERT INTO ingest_jobs ({Columns}, content, path, source)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11, $12, $13, $14, $15, $16, $17, $18)
            """, [.. Values(job), file.Content, file.Path, file.Source]), cancellationToken);
    }

    public Task<IReadOnlyList<IngestJob>> ListAsync(CancellationToken cancellationToken = default) =>
        database.RunAsync(async connection =>
        {
            await using var command = Command(connection, $"SELECT {Columns} FROM ingest_jobs ORDER BY queued_at, seq");
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var jobs = new List<IngestJob>();
            while (await reader.ReadAsync(cancellationToken)) jobs.Add(IngestJobRow.Read(reader));
            return (IReadOnlyList<IngestJob>)jobs;
        }, cancellationToken);

    public Task<QueuedFile?> ReadFileAsync(Guid id, CancellationToken cancellationToken = default) =>
        database.RunAsync(async connection =>
        {
            await using var command = Command(connection, "SELECT content, path, source FROM ingest_jobs WHERE id = $1 AND finished_at IS NULL", id);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken)) return null;
            return (QueuedFile?)new QueuedFile(reader.IsDBNull(0) ? null : reader.GetFieldValue<byte[]>(0), NullableString(reader, 1), NullableString(reader, 2));
        }, cancellationToken);

    // A finished job's bytes go in the same statement: they are either stored as the document's original now, or refused.
    // A job saved back to queued (its instance is stopping cleanly) gives up its lease, so another instance takes it now
    // rather than when the lease would have run out.
    public Task SaveAsync(IngestJob job, CancellationToken cancellationToken = default) =>
        database.RunAsync(connection => ExecuteAsync(connection, cancellationToken, """
            UPDATE ingest_jobs SET state = $2, outcome = $3, document_id = $4, chunks = $5, reason = $6, warnings = $7::jsonb,
                attempts = $8, finished_at = $9, problem = $10, content = CASE WHEN $9::timestamptz IS NULL THEN content END,
                claimed_by = CASE WHEN $2 = 'queued' THEN NULL ELSE claimed_by END,
                lease_until = CASE WHEN $2 = 'queued' THEN NULL ELSE lease_until END
            WHERE id = $1
            """, job.Id, job.State.Name(), job.Outcome, job.DocumentId, job.Chunks, job.Reason, IngestNotesJson.Write(job.Warnings),
            job.Attempts, job.FinishedAt is { } at ? Utc(at) : null, job.Problem?.ToString()), cancellationToken);

    public Task DeleteAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default)
    {
        if (ids.Count == 0) return Task.CompletedTask;
        return database.RunAsync(connection => ExecuteAsync(connection, cancellationToken, "DELETE FROM ingest_jobs WHERE id = ANY($1)", ids.ToArray()),
            cancellationToken);
    }

    /// <summary>
    /// Takes the oldest unfinished job that no instance holds, or whose holder's lease ran out (it crashed or hung), for
    /// <paramref name="worker"/> until <paramref name="lease"/> from now; null when there is none. Several instances
    /// may call this at once and each job goes to one: <c>FOR UPDATE SKIP LOCKED</c> passes over a row another claim is
    /// taking instead of waiting for it, and a row changed meanwhile is checked again before it is taken. Lease times are
    /// the database server's clock, the one clock all instances share. Attempts are left to the caller, which counts a
    /// start when it starts the job.
    /// </summary>
    public Task<IngestJob?> ClaimNextAsync(string worker, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(worker);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        return database.RunAsync(async connection =>
        {
            await using var command = Command(connection, $"""
                UPDATE ingest_jobs SET claimed_by = $1, lease_until = clock_timestamp() + $2
                WHERE id = (SELECT id FROM ingest_jobs
                            WHERE finished_at IS NULL AND (lease_until IS NULL OR lease_until < clock_timestamp())
                            ORDER BY queued_at, seq
                            LIMIT 1
                            FOR UPDATE SKIP LOCKED)
                RETURNING {Columns}
                """, worker, lease);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken) ? IngestJobRow.Read(reader) : null;
        }, cancellationToken);
    }

    /// <summary>
    /// Extends <paramref name="worker"/>'s lease on a job it is still running; false when the job finished or the lease
    /// was lost (it ran out and another instance took the job), in which case the worker must stop.
    /// </summary>
    public Task<bool> RenewLeaseAsync(Guid id, string worker, TimeSpan lease, CancellationToken cancellationToken = default) =>
        database.RunAsync(async connection => await ExecuteAsync(connection, cancellationToken, """
            UPDATE ingest_jobs SET lease_until = clock_timestamp() + $3
            WHERE id = $1 AND claimed_by = $2 AND finished_at IS NULL AND lease_until >= clock_timestamp()
            """, id, worker, lease) > 0, cancellationToken);

    /// <summary>The values of <see cref="Columns"/>, in order ($1 … $15).</summary>
    private static object?[] Values(IngestJob job) =>
    [
        job.Id, job.FileName, job.Library, job.Bytes, job.State.Name(), job.Outcome, job.DocumentId, job.Chunks, job.Reason,
        IngestNotesJson.Write(job.Warnings), job.User, job.Attempts, Utc(job.QueuedAt), job.FinishedAt is { } at ? Utc(at) : null,
        job.Problem?.ToString(),
    ];
}
