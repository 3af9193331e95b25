using RagAssistant.Core.Documents;
using RagAssistant.Core.Jobs;

namespace RagAssistant.Storage.Contract.Tests;

/// <summary>The ingestion queue's durable jobs (<see cref="IIngestJobStore"/>), the same on every store.</summary>
public abstract class IngestJobStoreContract : ConversationContract
{
    private IIngestJobStore Store => Stores.Jobs;

    private IngestJob Job(string file, string library = "plant1") => new(Guid.NewGuid(), file, library, 1234, Clock.GetUtcNow());

    [SkippableFact]
    public async Task Add_ThenList_GivesEveryJobOldestFirst_WithEveryField()
    {
        await OpenAsync();
        var finished = Job("工序卡.xlsx", "line-a") with
        {
            State = IngestJobState.Failed,
            Outcome = "failed",
            DocumentId = 77,
            Chunks = 12,
            Reason = "the sheet is protected",
            Problem = IngestProblem.NotFound,
            Warnings = [new IngestNote(IngestWarning.OcrUnsure, "pages 2, 5 read with low confidence") { Count = 2, Pages = [2, 5], File = "a/b.pdf" }],
            User = "张三",
            Attempts = 2,
            FinishedAt = Clock.GetUtcNow().AddMinutes(3),
        };
        Clock.Advance(TimeSpan.FromSeconds(1));
        var queued = Job("manual.pdf");

        await Store.AddAsync(queued, new QueuedFile([1, 2, 3]));
        Clock.Advance(TimeSpan.FromSeconds(1));
        await Store.AddAsync(finished, new QueuedFile(null, "/srv/corpus/工序卡.xlsx", "sheets/工序卡.xlsx"));

        var jobs = await Store.ListAsync();
        Assert.Equal([finished.Id, queued.Id], jobs.Select(j => j.Id));
        AssertSameJob(finished, jobs[0]);
        AssertSameJob(queued, jobs[1]);
    }

    [SkippableFact]
    public async Task JobsQueuedInTheSameInstant_KeepTheOrderTheyWereAdded()
    {
        await OpenAsync();
        var jobs = Enumerable.Range(0, 5).Select(i => Job($"f{i}.md")).ToList();
        foreach (var job in jobs) await Store.AddAsync(job, new QueuedFile([(byte)'x']));

        Assert.Equal(jobs.Select(j => j.Id), (await Store.ListAsync()).Select(j => j.Id));
    }

    [SkippableFact]
    public async Task ReadFile_GivesWhatTheJobReads_UntilItFinishes_ThenTheBytesAreDropped()
    {
        await OpenAsync();
        var upload = Job("upload.pdf");
        var reindex = Job("lathe.pdf");
        byte[] bytes = [0x25, 0x50, 0x44, 0x46, 0x00, 0xFF];
        await Store.AddAsync(upload, new QueuedFile(bytes));
        await Store.AddAsync(reindex, new QueuedFile(null, "/srv/docs/lathe.pdf", "manuals/lathe.pdf"));

        var read = await Store.ReadFileAsync(upload.Id);
        Assert.Equal(bytes, read!.Content);
        Assert.Equal(((string?)null, (string?)null), (read.Path, read.Source));
        Assert.Equal(new QueuedFile(null, "/srv/docs/lathe.pdf", "manuals/lathe.pdf"), await Store.ReadFileAsync(reindex.Id));

        await Store.SaveAsync(upload with { State = IngestJobState.Parsing, Attempts = 1 });
        Assert.Equal(bytes, (await Store.ReadFileAsync(upload.Id))!.Content);

        var done = upload with { State = IngestJobState.Done, Outcome = "ingested", DocumentId = 5, Chunks = 3, Attempts = 1, FinishedAt = Clock.GetUtcNow() };
        await Store.SaveAsync(done);
        Assert.Null(await Store.ReadFileAsync(upload.Id));
        Assert.Null(await Store.ReadFileAsync(Guid.NewGuid()));
        AssertSameJob(done, (await Store.ListAsync()).Single(j => j.Id == upload.Id));
    }

    [SkippableFact]
    public async Task Save_WritesStateOutcomeWarningsAndAttempts_ButNotTheNameLibraryOrQueueTime()
    {
        await OpenAsync();
        var job = Job("a.docx");
        await Store.AddAsync(job, new QueuedFile([1]));

        var saved = job with
        {
            State = IngestJobState.Skipped,
            Outcome = "skipped",
            Reason = "empty document",
            Problem = IngestProblem.Unexpected,
            Warnings = [new IngestNote(IngestWarning.Damaged, "read as well as it could be") { Name = "Sheet1" }],
            Attempts = 3,
            FinishedAt = Clock.GetUtcNow().AddSeconds(30),
        };
        await Store.SaveAsync(saved with { FileName = "renamed.docx", Library = "other", Bytes = 1 });

        AssertSameJob(saved, Assert.Single(await Store.ListAsync()));
    }

    [SkippableFact]
    public async Task Delete_ForgetsOnlyTheGivenJobs()
    {
        await OpenAsync();
        var jobs = Enumerable.Range(0, 3).Select(i => Job($"f{i}.md")).ToList();
        foreach (var job in jobs) await Store.AddAsync(job, new QueuedFile([1]));

        await Store.DeleteAsync([]);
        await Store.DeleteAsync([jobs[0].Id, jobs[2].Id, Guid.NewGuid()]);

        Assert.Equal([jobs[1].Id], (await Store.ListAsync()).Select(j => j.Id));
        Assert.Null(await Store.ReadFileAsync(jobs[0].Id));
    }

    /// <summary>Jobs are records, but their warning lists compare by reference: compare the warnings by value.</summary>
    private static void AssertSameJob(IngestJob expected, IngestJob actual)
    {
        Assert.Equal(expected with { Warnings = [] }, actual with { Warnings = [] });
        Assert.Equal(expected.Warnings.Count, actual.Warnings.Count);
        foreach (var (e, a) in expected.Warnings.Zip(actual.Warnings))
        {
            Assert.Equal(e with { Pages = [] }, a with { Pages = [] });
            Assert.Equal(e.Pages, a.Pages);
        }
    }
}

public sealed class SqliteIngestJobStoreContract : IngestJobStoreContract
{
    protected override Task<ConversationStores> OpenStoresAsync(TimeProvider clock) => Task.FromResult<ConversationStores>(ConversationStoresOnSqlite.Open(clock));
}

public sealed class PostgresIngestJobStoreContract : IngestJobStoreContract
{
    protected override async Task<ConversationStores> OpenStoresAsync(TimeProvider clock) => await ConversationStoresOnPostgres.OpenAsync(clock);
}
