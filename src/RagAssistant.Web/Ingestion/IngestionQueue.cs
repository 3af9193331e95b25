using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using RagAssistant.Accounts;
using RagAssistant.Core.Documents;
using RagAssistant.Core.Embeddings;
using RagAssistant.Core.Storage;
using RagAssistant.Ingestion;

namespace RagAssistant.Web.Ingestion;

/// <summary>
/// Ingests uploaded and sample files in the background so pages stay responsive, worked by
/// <see cref="WebOptions.IngestParallelism"/> workers through the same <see cref="IngestionPipeline"/> as <c>rag ingest</c>.
/// <para>
/// Durable: a file is stored in <see cref="IIngestJobStore"/> (its bytes in the database) before the caller hears
/// "queued", and every job's end is written there. On start, jobs a stopped or crashed app left unfinished are queued
/// again under the same ids and read from their stored bytes; a document already stored by the interrupted run comes
/// out "unchanged" (the pipeline compares checksums), so nothing is stored twice. A job is started at most
/// <see cref="WebOptions.IngestAttempts"/> times: a file that brought the app down every time stops with that reason.
/// </para>
/// <para>
/// Bounded: at most <see cref="WebOptions.QueueCapacity"/> files and <see cref="WebOptions.MaxQueuedBytes"/> bytes wait;
/// a file beyond them is refused at once with the reason. Every change of a job is published through <see cref="Changed"/>;
/// a queued or running job can be cancelled, and since each document is stored in one transaction a cancelled file
/// leaves nothing half-stored. The audit log says "upload" when a file is accepted and "ingested" or "ingest_failed" when it ends.
/// </para>
/// <para>
/// Shared: when the store is one several app instances use (<see cref="ISharedIngestJobStore"/>, PostgreSQL), the
/// workers of every instance claim jobs from it under a lease instead of working the ones their instance accepted, and
/// the job list follows the store (IngestionQueue.Shared.cs).
/// </para>
/// </summary>
public sealed partial class IngestionQueue(
    IServiceProvider services,
    IOptions<WebOptions> options,
    RecentErrors errors,
    TimeProvider time,
    ILogger<IngestionQueue> logger) : BackgroundService
{
    private readonly WebOptions _options = options.Value;
    private readonly IIngestJobStore _store = services.GetRequiredService<IIngestJobStore>();
    private readonly Channel<Guid> _channel = Channel.CreateUnbounded<Guid>();
    private readonly ConcurrentDictionary<Guid, Entry> _entries = new();
    private readonly Lock _admission = new();

    /// <summary>The store as one several app instances share, or null when it is this server's own.</summary>
    private ISharedIngestJobStore? Shared => _store as ISharedIngestJobStore;

    /// <summary>Raised (on a worker thread) with the new snapshot whenever a job changes.</summary>
    public event Action<IngestJob>? Changed;

    /// <summary>Every remembered job, newest first.</summary>
    public IReadOnlyList<IngestJob> Jobs => _entries.Values.Select(e => e.Job).OrderByDescending(j => j.QueuedAt).ThenBy(j => j.FileName).ToList();

    public IngestJob? Find(Guid id) => _entries.TryGetValue(id, out var entry) ? entry.Job : null;

    /// <summary>Files waiting or being ingested.</summary>
    public int Pending => _entries.Values.Count(e => !e.Job.IsFinished);

    /// <summary>Jobs an earlier run left unfinished and this one queued again.</summary>
    public int Resumed { get; private set; }

    /// <summary>Stores an uploaded file's bytes and queues it; when the queue is full the job comes back failed with the reason.</summary>
    public Task<IngestJob> EnqueueUploadAsync(string fileName, byte[] content, string library, string? user = null) =>
        EnqueueAsync(NewJob(fileName, library, content.Length, user), new QueuedFile(content));

    /// <summary>Queues a file on the server's disk (the sample corpus), ingested under the same source name as <c>rag ingest</c> gives it.</summary>
    public Task<IngestJob> EnqueueFileAsync(string fullPath, string library) =>
        EnqueueAsync(NewJob(Path.GetFileName(fullPath), library, new FileInfo(fullPath).Length, null), new QueuedFile(null, Path: fullPath));

    /// <summary>Reads, chunks and embeds a stored document again from its kept original, under the same source name.</summary>
    public Task<IngestJob> EnqueueReindexAsync(string source, string fileName, byte[] original, string library, string? user = null) =>
        EnqueueAsync(NewJob(fileName, library, original.Length, user), new QueuedFile(original, Source: source));

    /// <summary>Cancels a queued or running job; false when there is no such job or it has finished.</summary>
    public bool Cancel(Guid id)
    {
        if (!_entries.TryGetValue(id, out var entry) || entry.Job.IsFinished) return false;
        entry.Cancellation.Cancel();
        if (entry.Job.State == IngestJobState.Queued) Finish(entry, entry.Job with { State = IngestJobState.Cancelled, Problem = IngestProblem.Cancelled, Reason = "cancelled before it started" });
        // Running on another instance: the cancellation is written to the shared store; that instance's next lease
        // renewal finds the job finished and stops it (a document is stored in one transaction, so nothing half-stored).
        else if (Shared is not null && !entry.RunsHere)
            Finish(entry, entry.Job with { State = IngestJobState.Cancelled, Problem = IngestProblem.Cancelled, Reason = "cancelled while another app instance ingested it" });
        return true;
    }

    /// <summary>Records a file refused before it was queued (no write access, not a document), so the job list shows why.</summary>
    public IngestJob Refuse(string fileName, string library, long bytes, IngestProblem problem, string reason, string? user = null)
    {
        var job = NewJob(fileName, library, bytes, user) with { State = IngestJobState.Failed, Problem = problem, Reason = reason };
        var entry = new Entry(job);
        _entries[job.Id] = entry;
        Remember(job, new QueuedFile(null));
        Finish(entry, job);
        Trim();
        return job;
    }

    /// <summary>
    /// Forgets the finished jobs of the libraries <paramref name="scope"/> may write (the "clear finished" button; an
    /// administrator's scope writes every library). Write, not read: the history is shared by everyone who works on a
    /// library, so only those who may change the library may wipe its record; a reader, or an editor of another line,
    /// must not erase the failures others still need to see.
    /// </summary>
    public void ClearFinished(AccessScope scope)
    {
        var cleared = new List<Guid>();
        foreach (var (id, entry) in _entries)
            if (entry.Job.IsFinished && scope.MayWrite(entry.Job.Library) && _entries.TryRemove(id, out _)) cleared.Add(id);
        Forget(cleared);
    }

    /// <summary>Loads the stored jobs before the app serves anything (hosted services start in turn), then starts the workers.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (Shared is null) await ResumeAsync(cancellationToken);
        else await LoadSharedAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var shared = Shared;
        var workers = Enumerable.Range(0, _options.IngestParallelism).Select(_ => Task.Run(() => shared is null
            ? WorkAsync(stoppingToken)
            : ClaimAndWorkAsync(shared, stoppingToken), stoppingToken));
        return Task.WhenAll(shared is null ? workers : workers.Append(Task.Run(() => FollowSharedStoreAsync(stoppingToken), stoppingToken)));
    }

    /// <summary>
    /// Loads the stored jobs: finished ones for the job list, unfinished ones queued again in the order they came. A job
    /// that was running when the app stopped counts that as an attempt; one out of attempts fails with that reason.
    /// </summary>
    private async Task ResumeAsync(CancellationToken ct)
    {
        IReadOnlyList<IngestJob> stored;
        try
        {
            stored = await _store.ListAsync(ct);
        }
        catch (KnowledgeBaseException ex)
        {
            Log.JobsNotLoaded(logger, ex.Message);
            return;
        }
        var resumed = 0;
        foreach (var job in stored)
        {
            var entry = new Entry(job);
            if (!_entries.TryAdd(job.Id, entry) || job.IsFinished) continue;
            if (OutOfAttempts(entry, job)) continue;
            entry.Job = job with { State = IngestJobState.Queued };
            Publish(entry.Job);
            _channel.Writer.TryWrite(job.Id);
            resumed++;
        }
        Resumed = resumed;
        if (resumed > 0) Log.JobsResumed(logger, resumed);
        Trim();
    }

    /// <summary>
    /// A job that was running when its app (or app instance) stopped counts that run as an attempt; one that has had all
    /// its attempts fails with that reason instead of running again. True when it failed so.
    /// </summary>
    private bool OutOfAttempts(Entry entry, IngestJob job)
    {
        if (!job.IsRunning || job.Attempts < _options.IngestAttempts) return false;
        Finish(entry, job with
        {
            State = IngestJobState.Failed,
            Problem = IngestProblem.Interrupted,
            Reason = $"{job.FileName}: stopped after {job.Attempts} attempts; the app stopped while ingesting it each time (see the server log)",
        });
        return true;
    }

    private IngestJob NewJob(string fileName, string library, long bytes, string? user) =>
        new(Guid.NewGuid(), fileName, library, bytes, time.GetUtcNow()) { User = user };

    private async Task<IngestJob> EnqueueAsync(IngestJob job, QueuedFile file)
    {
        var entry = new Entry(job);
        string? refusal;
        var refusedFor = IngestProblem.QueueFull;
        lock (_admission)
        {
            var waiting = _entries.Values.Where(e => !e.Job.IsFinished).ToList();
            var held = waiting.Sum(e => e.Job.Bytes) + job.Bytes;
            refusal = waiting.Count >= _options.QueueCapacity
                ? $"the ingestion queue is full ({_options.QueueCapacity} files waiting); try again when it has room"
                : held > _options.MaxQueuedBytes && file.Content is not null
                    ? $"the ingestion queue already holds {(held - job.Bytes) / 1048576.0:0} MB of files waiting (limit {_options.MaxQueuedBytes / 1048576.0:0} MB); try again when it has room"
                    : null;
            _entries[job.Id] = entry; // counted from here, so two uploads at once cannot both take the last place
        }
        if (refusal is null)
        {
            try
            {
                await _store.AddAsync(job, file);
            }
            catch (KnowledgeBaseException ex)
            {
                refusal = $"the file could not be stored for ingestion: {ex.Message}";
                refusedFor = IngestProblem.ServerError;
            }
        }
        if (refusal is not null)
        {
            Remember(job, new QueuedFile(null));
            Finish(entry, job with { State = IngestJobState.Failed, Problem = refusedFor, Reason = refusal });
        }
        else
        {
            // "Queued" is told before a worker can take the job, so listeners never see "parsing" first.
            Publish(entry.Job);
            Offer(job.Id);
        }
        Trim();
        return entry.Job;
    }

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        await foreach (var id in _channel.Reader.ReadAllAsync(stoppingToken))
        {
            if (!_entries.TryGetValue(id, out var entry) || entry.Job.IsFinished) continue;
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, entry.Cancellation.Token);
            await RunAsync(entry, linked.Token, stoppingToken);
        }
    }

    /// <summary>A new job for the workers: on the local channel, or (shared) a nudge to claim from the store at once.</summary>
    private void Offer(Guid id)
    {
        if (Shared is null) _channel.Writer.TryWrite(id);
        else _claimable.Release();
    }

    /// <param name="leaseLost">Cancelled when a shared store's lease on the job was lost: another instance cancelled the
    /// job or took it over, so this run stops and writes nothing more.</param>
    private async Task RunAsync(Entry entry, CancellationToken ct, CancellationToken stopping, CancellationToken leaseLost = default)
    {
        var request = new IngestRequest(entry.Job.Library)
        {
            OnStage = stage => Update(entry, entry.Job with
            {
                State = stage switch { IngestStage.Parsing => IngestJobState.Parsing, IngestStage.Embedding => IngestJobState.Embedding, _ => IngestJobState.Saving },
            }),
            // Pages finish on several OCR workers: the count only moves forward.
            OnOcrPage = (done, total) =>
            {
                lock (entry)
                    if (entry.Job.State != IngestJobState.Ocr || done > entry.Job.OcrPagesDone)
                        Update(entry, entry.Job with { State = IngestJobState.Ocr, OcrPagesDone = done, OcrPagesTotal = total });
            },
        };
        try
        {
            // The attempt is counted in the store before any work, so a crash during it counts.
            var started = entry.Job with { State = IngestJobState.Parsing, Attempts = entry.Job.Attempts + 1 };
            await _store.SaveAsync(started, ct);
            Update(entry, started);
            var file = await _store.ReadFileAsync(entry.Job.Id, ct);
            if (file is null)
            {
                Finish(entry, entry.Job with { State = IngestJobState.Failed, Problem = IngestProblem.Lost, Reason = $"{entry.Job.FileName}: its stored bytes are gone" });
                return;
            }
            request = request with { Source = file.Source, Force = file.Source is not null };
            await using var scope = services.CreateAsyncScope();
            var pipeline = scope.ServiceProvider.GetRequiredService<IngestionPipeline>();
            var result = Combine(file.Content is { } content
                ? await pipeline.IngestUploadAsync(entry.Job.FileName, new MemoryStream(content), request, ct)
                : (await pipeline.IngestPathsAsync([file.Path!], request, cancellationToken: ct)).Files);
            var needsOcr = result.DocumentId is { } id
                && (await scope.ServiceProvider.GetRequiredService<IDocumentStore>().GetAsync(id, ct))?.Status == DocumentStatus.NeedsOcr;
            Finish(entry, entry.Job with
            {
                State = result.Status switch
                {
                    FileStatus.Failed => IngestJobState.Failed,
                    FileStatus.Skipped => IngestJobState.Skipped,
                    _ when needsOcr => IngestJobState.NeedsOcr,
                    _ => IngestJobState.Done,
                },
                Outcome = result.Status,
                DocumentId = result.DocumentId,
                Chunks = result.Chunks,
                Reason = result.Error,
                Problem = result.Problem,
                Warnings = result.Warnings,
            });
        }
        catch (OperationCanceledException) when (leaseLost.IsCancellationRequested)
        {
            Log.JobLeaseLost(logger, entry.Job.FileName);
        }
        catch (OperationCanceledException) when (entry.Cancellation.IsCancellationRequested)
        {
            Finish(entry, entry.Job with { State = IngestJobState.Cancelled, Problem = IngestProblem.Cancelled, Reason = "cancelled; nothing of it was stored" });
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The app is stopping: the job stays unfinished in the store and resumes on the next start; a clean stop
            // is not an attempt that failed.
            await SaveInOrder(entry, entry.Job with { State = IngestJobState.Queued, Attempts = Math.Max(0, entry.Job.Attempts - 1) });
        }
        catch (Exception ex) when (ex is KnowledgeBaseException or EmbeddingException)
        {
            Finish(entry, entry.Job with { State = IngestJobState.Failed, Problem = IngestProblem.ServerError, Reason = ex.Message });
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.JobCrashed(logger, ex, entry.Job.FileName);
            Finish(entry, entry.Job with { State = IngestJobState.Failed, Problem = IngestProblem.Unexpected, Reason = $"unexpected error: {ex.Message}" });
        }
    }

    /// <summary>A file is one result, unless it is an archive: then its entries' outcomes are summed up, failures named.</summary>
    private static FileResult Combine(IReadOnlyList<FileResult> results)
    {
        if (results.Count == 1) return results[0];
        if (results.Count == 0) return new FileResult("", FileStatus.Skipped, Error: "the archive holds no files") { Problem = IngestProblem.Empty };
        var failed = results.Where(r => r.Status == FileStatus.Failed).ToList();
        var statuses = results.Select(r => r.Status).Distinct().ToList();
        var status = statuses.Count == 1 ? statuses[0] : failed.Count == results.Count ? FileStatus.Failed : FileStatus.Ingested;
        return new FileResult(results[0].Path, status, Chunks: results.Sum(r => r.Chunks),
            Error: failed.Count == 0 ? null : $"{failed.Count} of {results.Count} entries failed: " + string.Join("; ", failed.Select(f => $"{f.Path}: {f.Error}")))
        {
            // One problem for the whole archive: the entries' own when they all failed alike, else "some entries failed".
            Problem = failed.Count == 0 ? null
                : failed.Count == results.Count && failed.Select(f => f.Problem).Distinct().Count() == 1 ? failed[0].Problem
                : IngestProblem.EntriesFailed,
            Warnings = results.SelectMany(r => r.Warnings.Select(w => w with { File = r.Path })).ToList(),
        };
    }

    private void Update(Entry entry, IngestJob job)
    {
        if (entry.Job.IsFinished) return;
        var stageChanged = entry.Job.State != job.State;
        entry.Job = job;
        // Other instances show the job from the shared store: each stage is written there (OCR page counts are not).
        if (Shared is not null && stageChanged) _ = SaveInOrder(entry, job);
        Publish(job);
    }

    private void Finish(Entry entry, IngestJob job)
    {
        var finished = job with { FinishedAt = time.GetUtcNow() };
        if (job.State == IngestJobState.Failed) errors.Add(job.FileName, job.Reason ?? "failed");
        Log.JobFinished(logger, job.FileName, job.State.Name(), job.Reason);
        // Written before the job shows as finished: whoever sees it finished (the job list, the API) finds it finished in
        // the store as well, its bytes dropped (the SQLite store writes at once; a server's write is under way).
        _ = SaveInOrder(entry, finished);
        entry.Job = finished;
        Audit(finished);
        Publish(finished);
    }

    /// <summary>The end of an accepted file in the audit log, under the user who uploaded it.</summary>
    private void Audit(IngestJob job)
    {
        if (job.User is null || services.GetService<AuditLog>() is not { } audit) return;
        var failed = job.State is IngestJobState.Failed or IngestJobState.Cancelled;
        var detail = failed
            ? $"library {job.Library}, job {job.Id}: {job.State.Name()}: {job.Reason}"
            : $"library {job.Library}, job {job.Id}: {job.Outcome ?? job.State.Name()}, document {job.DocumentId}, {job.Chunks} chunks";
        _ = WriteAuditAsync(audit, job.User, failed ? AuditActions.IngestFailed : AuditActions.Ingested, job.FileName, detail);
    }

    private async Task WriteAuditAsync(AuditLog audit, string user, string action, string target, string detail)
    {
        try
        {
            await audit.WriteAsync(user, action, target, detail);
        }
        catch (Exception ex)
        {
            Log.AuditFailed(logger, ex, target);
        }
    }

    /// <summary>Stores a job that never reached the store (a refusal), so its id and reason outlive a restart.</summary>
    private void Remember(IngestJob job, QueuedFile file)
    {
        try
        {
            _store.AddAsync(job, file).GetAwaiter().GetResult();
        }
        catch (KnowledgeBaseException ex)
        {
            Log.JobNotSaved(logger, job.FileName, ex.Message);
        }
    }

    /// <summary>
    /// Writes a job's state after every earlier write of it, so a late write of an earlier state never overwrites a later
    /// one; with none pending it starts at once on this thread, as a plain call would.
    /// </summary>
    private Task SaveInOrder(Entry entry, IngestJob job)
    {
        lock (entry)
        {
            var previous = entry.LastWrite;
            return entry.LastWrite = previous.IsCompleted
                ? SaveQuietlyAsync(job)
                : previous.ContinueWith(_ => SaveQuietlyAsync(job), TaskScheduler.Default).Unwrap();
        }
    }

    private async Task SaveQuietlyAsync(IngestJob job)
    {
        try
        {
            await _store.SaveAsync(job);
        }
        catch (KnowledgeBaseException ex)
        {
            // The job list in memory is still right; on a restart the job would run again, and come out "unchanged".
            Log.JobNotSaved(logger, job.FileName, ex.Message);
        }
    }

    private void Publish(IngestJob job)
    {
        try
        {
            Changed?.Invoke(job);
        }
        catch (Exception ex)
        {
            Log.ListenerFailed(logger, ex); // a page that went away must not stop the queue
        }
    }

    /// <summary>Keeps at most <see cref="WebOptions.JobHistory"/> finished jobs, dropping the oldest, here and in the store.</summary>
    private void Trim()
    {
        var finished = _entries.Values.Where(e => e.Job.IsFinished).OrderBy(e => e.Job.QueuedAt).ToList();
        var dropped = new List<Guid>();
        foreach (var old in finished.Take(Math.Max(0, finished.Count - _options.JobHistory)))
            if (_entries.TryRemove(old.Job.Id, out _)) dropped.Add(old.Job.Id);
        Forget(dropped);
    }

    private void Forget(IReadOnlyCollection<Guid> ids)
    {
        try
        {
            _store.DeleteAsync(ids).GetAwaiter().GetResult();
        }
        catch (KnowledgeBaseException ex)
        {
            Log.JobNotSaved(logger, $"{ids.Count} finished jobs", ex.Message);
        }
    }

    private sealed class Entry(IngestJob job)
    {
        public volatile IngestJob Job = job;
        public CancellationTokenSource Cancellation { get; } = new();

        /// <summary>A worker of this instance runs the job now (shared store: else the job list follows the store).</summary>
        public volatile bool RunsHere;

        /// <summary>The job's last store write, which the next one waits for; written under the entry's lock.</summary>
        public Task LastWrite = Task.CompletedTask;
    }
}
