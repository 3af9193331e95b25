using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
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
        }).Build();
        _services = new ServiceCollection().AddLogging().AddRagStorage(configuration).AddRagIngestion(configuration)
            .AddSingleton<Microsoft.Extensions.AI.IEmbeddingGenerator<string, Microsoft.Extensions.AI.Embedding<float>>>(new HashEmbeddingGenerator())
            .BuildServiceProvider();
    }

    private IngestionQueue Queue(int capacity = 10, long maxBytes = 1L << 30) =>
        new(_services, Options.Create(new WebOptions { QueueCapacity = capacity, MaxQueuedBytes = maxBytes }), _errors, TimeProvider.System,
            NullLogger<IngestionQueue>.Instance);

    private static byte[] Markdown(string text) => Encoding.UTF8.GetBytes($"# 标题\n\n{text}\n");

    [Fact]
    public void FullQueue_RefusesTheFileAtOnce_WithTheReason()
    {
        var queue = Queue(capacity: 1); // not started: nothing is taken off the queue
        var first = queue.EnqueueUpload("a.md", Markdown("一"), Libraries.Default);
        var second = queue.EnqueueUpload("b.md", Markdown("二"), Libraries.Default);

        Assert.Equal(IngestJobState.Queued, first.State);
        var refused = queue.Find(second.Id)!;
        Assert.Equal(IngestJobState.Failed, refused.State);
        Assert.Contains("queue is full", refused.Reason);
        Assert.Contains(_errors.List(), e => e.Where == "b.md");
    }

    [Fact]
    public void TooManyBytesWaiting_RefusesTheFile_WithTheReason()
    {
        var queue = Queue(maxBytes: 1_048_576);
        queue.EnqueueUpload("big.md", new byte[900_000], Libraries.Default);
        var second = queue.EnqueueUpload("more.md", new byte[300_000], Libraries.Default);
        var refused = queue.Find(second.Id)!;
        Assert.Equal(IngestJobState.Failed, refused.State);
        Assert.Contains("MB of files waiting", refused.Reason);
    }

    [Fact]
    public void QueuedJob_CanBeCancelled_BeforeItStarts()
    {
        var queue = Queue();
        var job = queue.EnqueueUpload("a.md", Markdown("一"), Libraries.Default);
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
            var good = queue.EnqueueUpload("规程.md", Markdown("拧紧扭矩 25±2 N·m。"), "line-a");
            var bad = queue.EnqueueUpload("broken.docx", "PK\u0003\u0004not a real docx"u8.ToArray(), "line-a");
            await WaitAsync(queue);

            var done = queue.Find(good.Id)!;
            Assert.Equal(IngestJobState.Done, done.State);
            Assert.Equal("ingested", done.Outcome);
            Assert.NotNull(done.DocumentId);
            var failed = queue.Find(bad.Id)!;
            Assert.Equal(IngestJobState.Failed, failed.State);
            Assert.False(string.IsNullOrWhiteSpace(failed.Reason));

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
            var job = queue.EnqueueUpload("batch.zip", zip.ToArray(), Libraries.Default);
            await WaitAsync(queue);

            var done = queue.Find(job.Id)!;
            Assert.Equal(IngestJobState.Done, done.State);
            Assert.True(done.Chunks >= 2, $"{done.Chunks} chunks");
            Assert.Contains("1 of 3 entries failed", done.Reason);
            Assert.Contains("batch.zip/a/broken.pdf", done.Reason);
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
            var first = queue.EnqueueUpload("规程.md", Markdown("拧紧扭矩 25±2 N·m。"), Libraries.Default);
            await WaitAsync(queue);
            var id = queue.Find(first.Id)!.DocumentId!.Value;
            var store = _services.GetRequiredService<IDocumentStore>();
            var original = await store.OpenOriginalAsync(id);

            var again = queue.EnqueueReindex("规程.md", "规程.md", original!, Libraries.Default);
            await WaitAsync(queue);

            Assert.Equal("replaced", queue.Find(again.Id)!.Outcome); // not "unchanged": the bytes were read again
            Assert.Single(await store.ListAsync());
        }
        finally
        {
            await queue.StopAsync(CancellationToken.None);
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
