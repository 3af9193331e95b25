using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RagAssistant.Core.Documents;
using RagAssistant.Core.Jobs;
using RagAssistant.Core.Storage;
using RagAssistant.Ingestion;
using RagAssistant.Storage.Sqlite;
using RagAssistant.Testing;
using RagAssistant.Web.Ingestion;

namespace RagAssistant.Web.Tests.Ingestion;

/// <summary>
/// The background queue against a real SQLite file and the real readers; a hash embedder keeps it fast (these tests
/// are about queueing, not embeddings).
/// </summary>
public sealed class IngestionQueueTests : IDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly ServiceProvider _services;
    private readonly RecentErrors _errors = new(TimeProvider.System);

    public IngestionQueueTests()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Rag:Storage:DatabasePath"] = _folder.File("kb.db"),
            // The scanned upload's OCR is about job states, not time budgets: on a busy CI machine a page took over the
            // default 30 s and was left out (needs_ocr).
            ["Rag:Ocr:PageSeconds"] = "300",
        }).Build();
        _services = new ServiceCollection().AddLogging().AddRagStorage(configuration).AddRagIngestion(configuration)
            .AddSingleton<Microsoft.Extensions.AI.IEmbeddingGenerator<string, Microsoft.Extensions.AI.Embedding<float>>>(new HashEmbeddingGenerator())
            .BuildServiceProvider();
    }

    private IngestionQueue Queue(int capacity = 10, long maxBytes = 1L << 30, int attempts = 3) =>
        new(_services, Options.Create(new WebOptions { QueueCapacity = capacity, MaxQueuedBytes = maxBytes, IngestAttempts = attempts }), _errors,
            TimeProvider.System, NullLogger<IngestionQueue>.Instance);

    private IIngestJobStore Jobs => _services.GetRequiredService<IIngestJobStore>();

    private static byte[] Markdown(string text) => Encoding.UTF8.GetBytes($"# 标题\n\n{text}\n");

    [Fact]
    public async Task FullQueue_RefusesTheFileAtOnce_WithTheReason()
    {
        var queue = Queue(capacity: 1); // not started: nothing is taken off the queue
        var first = await queue.EnqueueUploadAsync("a.md", Markdown("一"), Libraries.Default);
        var second = await queue.EnqueueUploadAsync("b.md", Markdown("二"), Libraries.Default);

        Assert.Equal(IngestJobState.Queued, first.State);
        var refused = queue.Find(second.Id)!;
        Assert.Equal(IngestJobState.Failed, refused.State);
        Assert.Contains("queue is full", refused.Reason);
        Assert.Equal(IngestProblem.QueueFull, refused.Problem);
        Assert.Contains(_errors.List(), e => e.Where == "b.md");
    }

    [Fact]
    public async Task TooManyBytesWaiting_RefusesTheFile_WithTheReason()
    {
        var queue = Queue(maxBytes: 1_048_576);
        await queue.EnqueueUploadAsync("big.md", new byte[900_000], Libraries.Default);
        var second = await queue.EnqueueUploadAsync("more.md", new byte[300_000], Libraries.Default);
        var refused = queue.Find(second.Id)!;
        Assert.Equal(IngestJobState.Failed, refused.State);
        Assert.Contains("MB of files waiting", refused.Reason);
    }

    [Fact]
    public async Task QueuedJob_CanBeCancelled_BeforeItStarts()
    {
        var queue = Queue();
        var job = await queue.EnqueueUploadAsync("a.md", Markdown("一"), Libraries.Default);
        Assert.True(queue.Cancel(job.Id));
        Assert.Equal(IngestJobState.Cancelled, queue.Find(job.Id)!.State);
        Assert.False(queue.Cancel(job.Id)); // finished: nothing left to cancel
    }

    [Fact]
    public async Task Worker_IngestsGoodFiles_FailsBadOnesWithTheirReason_AndPublishesEveryStage()
    {
        var queue = Queue();
        var seen = new List<(string File, IngestJobState State)>();
        queue.Changed += job => { lock (seen) seen.Add((job.FileName, job.State)); };
        await queue.StartAsync(CancellationToken.None);
        try
        {
            var good = await queue.EnqueueUploadAsync("规程.md", Markdown("拧紧扭矩 25±2 N·m。"), "line-a");
            var bad = await queue.EnqueueUploadAsync("broken.docx", "PK\u0003\u0004not a real docx"u8.ToArray(), "line-a");
            await WaitAsync(queue);

            var done = queue.Find(good.Id)!;
            Assert.Equal(IngestJobState.Done, done.State);
            Assert.Equal("ingested", done.Outcome);
            Assert.NotNull(done.DocumentId);
            var failed = queue.Find(bad.Id)!;
            Assert.Equal(IngestJobState.Failed, failed.State);
            Assert.False(string.IsNullOrWhiteSpace(failed.Reason));
            Assert.Equal(IngestProblem.Damaged, failed.Problem);
            Assert.Null(done.Problem);

            var stored = await _services.GetRequiredService<IDocumentStore>().GetAsync(done.DocumentId!.Value);
            Assert.Equal("line-a", stored!.Library);
            lock (seen)
                Assert.Equal([IngestJobState.Queued, IngestJobState.Parsing, IngestJobState.Embedding, IngestJobState.Saving, IngestJobState.Done],
                    seen.Where(s => s.File == "规程.md").Select(s => s.State).Distinct());
        }
        finally
        {
            await queue.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task ScannedUpload_ShowsItsOcrPages_InTheJobState()
    {
        // An image-only copy of the corpus's two-page maintenance manual: both pages are read by OCR.
        var scan = RagAssistant.Ingestion.Benchmarks.ImageOnlyPdf.Build(
            File.ReadAllBytes(Path.Combine(RepositoryPaths.Corpus, "CK6150-Maintenance-Manual_JD-MM-EQ-006.pdf")), maxPages: 2);
        var queue = Queue();
        var seen = new List<IngestJob>();
        queue.Changed += job => { lock (seen) seen.Add(job); };
        await queue.StartAsync(CancellationToken.None);
        try
        {
            var job = await queue.EnqueueUploadAsync("scan.pdf", scan, Libraries.Default);
            await WaitAsync(queue);

            Assert.Equal(IngestJobState.Done, queue.Find(job.Id)!.State);
            List<IngestJob> ocr;
            lock (seen) ocr = seen.Where(j => j.State == IngestJobState.Ocr).ToList();
            Assert.NotEmpty(ocr);
            Assert.All(ocr, j => Assert.Equal(2, j.OcrPagesTotal));
            Assert.Equal(2, ocr.Max(j => j.OcrPagesDone));
            // The API shows it as state "ocr" with "done/total".
            var json = RagAssistant.Web.Endpoints.DocumentEndpoints.ToJson(ocr[^1]);
            Assert.Equal(("ocr", "2/2"), (json.State, json.OcrPages));
        }
        finally
        {
            await queue.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task UploadedArchive_IngestsEveryEntry_AndNamesTheEntriesThatFailed()
    {
        using var zip = new MemoryStream();
        using (var archive = new System.IO.Compression.ZipArchive(zip, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in new[] { ("a/规程.md", Markdown("拧紧扭矩 25±2 N·m。")), ("a/点检.md", Markdown("每班检查油位。")), ("a/broken.pdf", "%PDF-1.7 broken"u8.ToArray()) })
            {
                await using var entry = archive.CreateEntry(name).Open();
                await entry.WriteAsync(bytes);
            }
        }
        var queue = Queue();
        await queue.StartAsync(CancellationToken.None);
        try
        {
            var job = await queue.EnqueueUploadAsync("batch.zip", zip.ToArray(), Libraries.Default);
            await WaitAsync(queue);

            var done = queue.Find(job.Id)!;
            Assert.Equal(IngestJobState.Done, done.State);
            Assert.True(done.Chunks >= 2, $"{done.Chunks} chunks");
            Assert.Contains("1 of 3 entries failed", done.Reason);
            Assert.Contains("batch.zip/a/broken.pdf", done.Reason);
            Assert.Equal(IngestProblem.EntriesFailed, done.Problem);
            Assert.Equal(2, (await _services.GetRequiredService<IDocumentStore>().ListAsync()).Count);
        }
        finally
        {
            await queue.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task Reindex_ReadsAStoredDocumentAgain_UnderItsOwnSource()
    {
        var queue = Queue();
        await queue.StartAsync(CancellationToken.None);
        try
        {
            var first = await queue.EnqueueUploadAsync("规程.md", Markdown("拧紧扭矩 25±2 N·m。"), Libraries.Default);
            await WaitAsync(queue);
            var id = queue.Find(first.Id)!.DocumentId!.Value;
            var store = _services.GetRequiredService<IDocumentStore>();
            var original = await store.OpenOriginalAsync(id);

            var again = await queue.EnqueueReindexAsync("规程.md", "规程.md", original!, Libraries.Default);
            await WaitAsync(queue);

            Assert.Equal("replaced", queue.Find(again.Id)!.Outcome); // not "unchanged": the bytes were read again
            Assert.Single(await store.ListAsync());
        }
        finally
        {
            await queue.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task AcceptedFiles_AreStoredBeforeTheyAreAnswered_AndResumeUnderTheSameIdsAfterARestart()
    {
        var stopped = Queue(); // never started: the app "stops" with both files waiting
        var first = await stopped.EnqueueUploadAsync("规程.md", Markdown("拧紧扭矩 25±2 N·m。"), "line-a", user: "editor");
        var second = await stopped.EnqueueUploadAsync("点检.md", Markdown("每班检查油位。"), "line-a", user: "editor");
        Assert.Equal([first.Id, second.Id], (await Jobs.ListAsync()).Select(j => j.Id));

        var restarted = Queue();
        await restarted.StartAsync(CancellationToken.None);
        try
        {
            await WaitAsync(restarted);
            Assert.Equal(2, restarted.Resumed);
            foreach (var id in new[] { first.Id, second.Id })
                Assert.Equal(IngestJobState.Done, restarted.Find(id)!.State);
            Assert.Equal(2, (await _services.GetRequiredService<IDocumentStore>().ListAsync()).Count);
            // A finished job no longer holds its bytes: the document store keeps the original.
            Assert.Null(await Jobs.ReadFileAsync(first.Id));
        }
        finally
        {
            await restarted.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task JobInterruptedAfterItsDocumentWasStored_ResumesAsUnchanged_AndIsNotStoredTwice()
    {
        var bytes = Markdown("拧紧扭矩 25±2 N·m。");
        // The crash came between the document's commit and the job's end: the document is stored, the job says "saving".
        var pipeline = _services.GetRequiredService<IngestionPipeline>();
        await pipeline.IngestUploadAsync("规程.md", new MemoryStream(bytes), new IngestRequest(Libraries.Default));
        var job = new IngestJob(Guid.NewGuid(), "规程.md", Libraries.Default, bytes.Length, DateTimeOffset.UtcNow)
        {
            State = IngestJobState.Saving, Attempts = 1,
        };
        await Jobs.AddAsync(job, new QueuedFile(bytes));

        var queue = Queue();
        await queue.StartAsync(CancellationToken.None);
        try
        {
            await WaitAsync(queue);
            var resumed = queue.Find(job.Id)!;
            Assert.Equal(IngestJobState.Done, resumed.State);
            Assert.Equal("unchanged", resumed.Outcome);
            Assert.Equal(2, resumed.Attempts);
            Assert.Single(await _services.GetRequiredService<IDocumentStore>().ListAsync());
        }
        finally
        {
            await queue.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task JobThatWasRunningAtEveryCrash_StopsAfterItsAttempts_WithTheReason()
    {
        var job = new IngestJob(Guid.NewGuid(), "crasher.pdf", Libraries.Default, 10, DateTimeOffset.UtcNow)
        {
            State = IngestJobState.Parsing, Attempts = 2,
        };
        await Jobs.AddAsync(job, new QueuedFile("%PDF-1.7"u8.ToArray()));

        var queue = Queue(attempts: 2);
        await queue.StartAsync(CancellationToken.None);
        try
        {
            await WaitAsync(queue);
            var failed = queue.Find(job.Id)!;
            Assert.Equal(IngestJobState.Failed, failed.State);
            Assert.Contains("stopped after 2 attempts", failed.Reason);
            Assert.Equal(IngestProblem.Interrupted, failed.Problem);
            Assert.Equal(0, queue.Resumed);
            Assert.Equal(IngestJobState.Failed, (await Jobs.ListAsync()).Single().State);
            Assert.Null(await Jobs.ReadFileAsync(job.Id));
        }
        finally
        {
            await queue.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task FinishedAndRefusedJobs_KeepTheirIdsAndReasons_AcrossARestart()
    {
        var queue = Queue(capacity: 1);
        var waiting = await queue.EnqueueUploadAsync("a.md", Markdown("一"), Libraries.Default);
        var refused = await queue.EnqueueUploadAsync("b.md", Markdown("二"), Libraries.Default);
        Assert.True(queue.Cancel(waiting.Id));

        var restarted = Queue();
        await restarted.StartAsync(CancellationToken.None);
        try
        {
            Assert.Equal(IngestJobState.Cancelled, restarted.Find(waiting.Id)!.State);
            Assert.Contains("queue is full", restarted.Find(refused.Id)!.Reason);
            Assert.Equal(IngestProblem.QueueFull, restarted.Find(refused.Id)!.Problem);
            Assert.Equal(IngestProblem.Cancelled, restarted.Find(waiting.Id)!.Problem);
            Assert.Equal(0, restarted.Pending);
        }
        finally
        {
            await restarted.StopAsync(CancellationToken.None);
        }
    }

    private static async Task WaitAsync(IngestionQueue queue)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (queue.Pending > 0 && DateTime.UtcNow < deadline) await Task.Delay(50);
        Assert.Equal(0, queue.Pending);
    }

    public void Dispose()
    {
        _services.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
