using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using RagAssistant.Core.Documents;
using RagAssistant.Core.Embeddings;
using RagAssistant.Core.Storage;
using RagAssistant.Ingestion;

namespace RagAssistant.Web.Ingestion;

/// <summary>
/// Ingests uploaded and sample files in the background so pages stay responsive: a bounded queue
/// (<see cref="WebOptions.QueueCapacity"/>; a file beyond it is refused at once with the reason) worked by
/// <see cref="WebOptions.IngestParallelism"/> workers through the same <see cref="IngestionPipeline"/> as <c>rag ingest</c>.
/// Every change of a job is published through <see cref="Changed"/>; a queued or running job can be cancelled, and
/// since each document is stored in one transaction a cancelled file leaves nothing half-stored.
/// </summary>
public sealed class IngestionQueue(
    IServiceProvider services,
    IOptions<WebOptions> options,
    RecentErrors errors,
    TimeProvider time,
    ILogger<IngestionQueue> logger) : BackgroundService
{
    private readonly WebOptions _options = options.Value;
    private readonly Channel<Guid> _channel = Channel.CreateBounded<Guid>(options.Value.QueueCapacity);
    private readonly ConcurrentDictionary<Guid, Entry> _entries = new();

    /// <summary>Raised (on a worker thread) with the new snapshot whenever a job changes.</summary>
    public event Action<IngestJob>? Changed;

    /// <summary>Every remembered job, newest first.</summary>
    public IReadOnlyList<IngestJob> Jobs => _entries.Values.Select(e => e.Job).OrderByDescending(j => j.QueuedAt).ThenBy(j => j.FileName).ToList();

    public IngestJob? Find(Guid id) => _entries.TryGetValue(id, out var entry) ? entry.Job : null;

    /// <summary>Files waiting or being ingested.</summary>
    public int Pending => _entries.Values.Count(e => !e.Job.IsFinished);

    /// <summary>Queues an uploaded file's bytes; when the queue is full the job comes back failed with the reason.</summary>
    public IngestJob EnqueueUpload(string fileName, byte[] content, string library) =>
        Enqueue(new Entry(NewJob(fileName, library, content.Length)) { Content = content });

    /// <summary>Queues a file on the server's disk (the sample corpus), ingested under the same source name as <c>rag ingest</c> gives it.</summary>
    public IngestJob EnqueueFile(string fullPath, string library) =>
        Enqueue(new Entry(NewJob(Path.GetFileName(fullPath), library, new FileInfo(fullPath).Length)) { Path = fullPath });

    /// <summary>Reads, chunks and embeds a stored document again from its kept original, under the same source name.</summary>
    public IngestJob EnqueueReindex(string source, string fileName, byte[] original, string library) =>
        Enqueue(new Entry(NewJob(fileName, library, original.Length)) { Content = original, Source = source });

    /// <summary>Cancels a queued or running job; false when there is no such job or it has finished.</summary>
    public bool Cancel(Guid id)
    {
        if (!_entries.TryGetValue(id, out var entry) || entry.Job.IsFinished) return false;
        entry.Cancellation.Cancel();
        if (entry.Job.State == IngestJobState.Queued) Finish(entry, entry.Job with { State = IngestJobState.Cancelled, Reason = "cancelled before it started" });
        return true;
    }

    /// <summary>Records a file refused before it was queued (no write access, not a document), so the job list shows why.</summary>
    public IngestJob Refuse(string fileName, string library, long bytes, string reason)
    {
        var job = NewJob(fileName, library, bytes) with { State = IngestJobState.Failed, Reason = reason };
        var entry = new Entry(job);
        _entries[job.Id] = entry;
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
        foreach (var (id, entry) in _entries)
            if (entry.Job.IsFinished && scope.MayWrite(entry.Job.Library)) _entries.TryRemove(id, out _);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, _options.IngestParallelism).Select(_ => Task.Run(() => WorkAsync(stoppingToken), stoppingToken)));

    private IngestJob NewJob(string fileName, string library, long bytes) =>
        new(Guid.NewGuid(), fileName, library, bytes, time.GetUtcNow());

    private IngestJob Enqueue(Entry entry)
    {
        _entries[entry.Job.Id] = entry;
        var held = _entries.Values.Sum(e => e.Content?.LongLength ?? 0);
        var full = $"the ingestion queue is full ({_options.QueueCapacity} files waiting); try again when it has room";
        var refusal = held > _options.MaxQueuedBytes && entry.Content is not null
            ? $"the ingestion queue already holds {held / 1048576.0:0} MB of files waiting (limit {_options.MaxQueuedBytes / 1048576.0:0} MB); try again when it has room"
            : _channel.Reader.Count >= _options.QueueCapacity ? full : null;
        if (refusal is null)
        {
            // "Queued" is told before a worker can take the job, so listeners never see "parsing" first.
            Publish(entry.Job);
            if (!_channel.Writer.TryWrite(entry.Job.Id)) refusal = full;
        }
        if (refusal is not null) Finish(entry, entry.Job with { State = IngestJobState.Failed, Reason = refusal });
        Trim();
        return entry.Job;
    }

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        await foreach (var id in _channel.Reader.ReadAllAsync(stoppingToken))
        {
            if (!_entries.TryGetValue(id, out var entry) || entry.Job.IsFinished) continue;
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, entry.Cancellation.Token);
            await RunAsync(entry, linked.Token);
        }
    }

    private async Task RunAsync(Entry entry, CancellationToken ct)
    {
        var request = new IngestRequest(entry.Job.Library)
        {
            Source = entry.Source,
            Force = entry.Source is not null,
            OnStage = stage => Update(entry, entry.Job with
            {
                State = stage switch { IngestStage.Parsing => IngestJobState.Parsing, IngestStage.Embedding => IngestJobState.Embedding, _ => IngestJobState.Saving },
            }),
        };
        Update(entry, entry.Job with { State = IngestJobState.Parsing });
        try
        {
            await using var scope = services.CreateAsyncScope();
            var pipeline = scope.ServiceProvider.GetRequiredService<IngestionPipeline>();
            var result = Combine(entry.Content is { } content
                ? await pipeline.IngestUploadAsync(entry.Job.FileName, new MemoryStream(content), request, ct)
                : (await pipeline.IngestPathsAsync([entry.Path!], request, cancellationToken: ct)).Files);
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
                Warnings = result.Warnings,
            });
        }
        catch (OperationCanceledException) when (entry.Cancellation.IsCancellationRequested)
        {
            Finish(entry, entry.Job with { State = IngestJobState.Cancelled, Reason = "cancelled; nothing of it was stored" });
        }
        catch (Exception ex) when (ex is KnowledgeBaseException or EmbeddingException)
        {
            Finish(entry, entry.Job with { State = IngestJobState.Failed, Reason = ex.Message });
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.JobCrashed(logger, ex, entry.Job.FileName);
            Finish(entry, entry.Job with { State = IngestJobState.Failed, Reason = $"unexpected error: {ex.Message}" });
        }
    }

    /// <summary>A file is one result, unless it is an archive: then its entries' outcomes are summed up, failures named.</summary>
    private static FileResult Combine(IReadOnlyList<FileResult> results)
    {
        if (results.Count == 1) return results[0];
        if (results.Count == 0) return new FileResult("", FileStatus.Skipped, Error: "the archive holds no files");
        var failed = results.Where(r => r.Status == FileStatus.Failed).ToList();
        var statuses = results.Select(r => r.Status).Distinct().ToList();
        var status = statuses.Count == 1 ? statuses[0] : failed.Count == results.Count ? FileStatus.Failed : FileStatus.Ingested;
        return new FileResult(results[0].Path, status, Chunks: results.Sum(r => r.Chunks),
            Error: failed.Count == 0 ? null : $"{failed.Count} of {results.Count} entries failed: " + string.Join("; ", failed.Select(f => $"{f.Path}: {f.Error}")))
        {
            Warnings = results.SelectMany(r => r.Warnings.Select(w => $"{r.Path}: {w}")).ToList(),
        };
    }

    private void Update(Entry entry, IngestJob job)
    {
        if (entry.Job.IsFinished) return;
        entry.Job = job;
        Publish(job);
    }

    private void Finish(Entry entry, IngestJob job)
    {
        entry.Job = job with { FinishedAt = time.GetUtcNow() };
        entry.Content = null; // the bytes are stored now (or refused): do not keep them in memory
        if (job.State == IngestJobState.Failed) errors.Add(job.FileName, job.Reason ?? "failed");
        Log.JobFinished(logger, job.FileName, job.State.Name(), job.Reason);
        Publish(entry.Job);
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

    /// <summary>Keeps at most <see cref="WebOptions.JobHistory"/> finished jobs, dropping the oldest.</summary>
    private void Trim()
    {
        var finished = _entries.Values.Where(e => e.Job.IsFinished).OrderBy(e => e.Job.QueuedAt).ToList();
        foreach (var old in finished.Take(Math.Max(0, finished.Count - _options.JobHistory))) _entries.TryRemove(old.Job.Id, out _);
    }

    private sealed class Entry(IngestJob job)
    {
        public volatile IngestJob Job = job;
        public byte[]? Content { get; set; }
        public string? Path { get; init; }

        /// <summary>Set when re-indexing a stored document: its source name, and the bytes are read again even if unchanged.</summary>
        public string? Source { get; init; }
        public CancellationTokenSource Cancellation { get; } = new();
    }
}
