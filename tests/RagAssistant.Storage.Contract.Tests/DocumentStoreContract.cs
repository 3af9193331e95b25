using RagAssistant.Core.Documents;
using RagAssistant.Core.Search;
using RagAssistant.Core.Storage;
using static RagAssistant.Testing.StoreSamples;

namespace RagAssistant.Storage.Contract.Tests;

/// <summary>Documents, their chunks, pages and revisions: saved in one transaction, replaced by source, re-marked by revision.</summary>
public abstract class DocumentStoreContract<TEngine> : StoreContract<TEngine> where TEngine : IStoreEngine
{
    private static async Task<int> KeywordHitsAsync(KnowledgeBase kb, string match) =>
        (await kb.Search.KeywordSearchAsync(match, SearchFilter.None, 100)).Count;

    [SkippableFact]
    public async Task Reopening_DoesNotMigrateAgain()
    {
        var kb = await OpenAsync();
        await kb.Documents.SaveAsync(Doc("a.md"), Chunks("x"));
        var again = Keep(kb.Another());
        Assert.Single(await again.Documents.ListAsync());
    }

    [SkippableFact]
    public async Task Save_StoresChunksAndTheirKeywordIndex()
    {
        var kb = await OpenAsync();
        var stored = await kb.Documents.SaveAsync(Doc("a.md"), Chunks("spindle speed 950", "feed 0.10"));
        Assert.Equal(2, stored.Chunks);
        Assert.Equal(1, await KeywordHitsAsync(kb, "\"spindle\""));
    }

    [SkippableFact]
    public async Task ChunkBoxes_RoundTrip()
    {
        var kb = await OpenAsync();
        var box = new PageBox(3, 72.5, 100, 520, 112.25);
        var stored = await kb.Documents.SaveAsync(Doc("a.pdf"), [new ChunkDraft(0, "t", "c", "4.2.3", 3, 1) { Boxes = [box] }]);
        Assert.Equal([box], Assert.Single(await kb.Documents.GetChunksAsync(stored.Id)).Boxes);
    }

    [SkippableFact]
    public async Task ScannedDocument_IsStoredWithoutChunks_WithItsPageStatus_AndReplacingItReplacesThePages()
    {
        var kb = await OpenAsync();
        var store = kb.Documents;
        var pages = new[] { new PageInfo(1, PageStatus.Text, 812), new PageInfo(2, PageStatus.NeedsOcr, 0), new PageInfo(3, PageStatus.Failed, 0, "bad content") };
        var stored = await store.SaveAsync(Doc("scan.pdf") with { Status = DocumentStatus.NeedsOcr, PageDetails = pages }, []);

        Assert.Equal(DocumentStatus.NeedsOcr, stored.Status);
        Assert.Equal(pages, await store.GetPagesAsync(stored.Id));

        // A scan placed sideways: OCR turned it a quarter turn to read it, and the page keeps that turn.
        var turned = new PageInfo(1, PageStatus.OcrDone, 900) { Rotation = 270 };
        var again = await store.SaveAsync(Doc("scan.pdf", sha: "sha-2") with { PageDetails = [turned] }, Chunks("ocr text"));
        Assert.Equal(DocumentStatus.Ready, again.Status);
        Assert.Equal([turned], await store.GetPagesAsync(again.Id));
        Assert.True(await store.DeleteAsync(again.Id));
        Assert.Empty(await store.GetPagesAsync(again.Id));
    }

    [SkippableFact]
    public async Task Replace_RemovesTheOldKeywordRows()
    {
        var kb = await OpenAsync();
        await kb.Documents.SaveAsync(Doc("a.md"), Chunks("alpha text"));
        await kb.Documents.SaveAsync(Doc("a.md", sha: "sha-2"), Chunks("beta text"));
        Assert.Equal(0, await KeywordHitsAsync(kb, "\"alpha\""));
        Assert.Equal(1, await KeywordHitsAsync(kb, "\"beta\""));
    }

    [SkippableFact]
    public async Task FailedWrite_LeavesThePreviousVersionIntact()
    {
        var kb = await OpenAsync();
        var store = kb.Documents;
        var first = await store.SaveAsync(Doc("a.md"), Chunks("original one", "original two"));
        // Two chunks with the same ordinal violate a constraint half-way through the write.
        ChunkDraft[] broken = [new(0, "new", "c", "l", null, 1), new(0, "clash", "c", "l", null, 1)];
        await Assert.ThrowsAsync<KnowledgeBaseException>(() => store.SaveAsync(Doc("a.md", sha: "sha-2"), broken));

        var after = (await store.GetAsync(first.Id))!;
        Assert.Equal("sha-1", after.Sha256);
        Assert.Equal(["original one", "original two"], (await store.GetChunksAsync(first.Id)).Select(c => c.Text));
        Assert.Equal(1, await KeywordHitsAsync(kb, "\"original one\""));
        Assert.Equal(0, await KeywordHitsAsync(kb, "\"clash\""));
    }

    [SkippableFact]
    public async Task Libraries_KeepTheSameSourceApart()
    {
        var kb = await OpenAsync();
        var store = kb.Documents;
        await store.SaveAsync(Doc("a.md", library: "plant1"), Chunks("x"));
        await store.SaveAsync(Doc("a.md", library: "plant2"), Chunks("y"));
        Assert.Single(await store.ListAsync("plant1"));
        Assert.Equal(2, (await store.ListAsync()).Count);
        Assert.Null(await store.FindByContentAsync("plant3", "sha-1"));
        Assert.Equal("plant2", (await store.FindBySourceAsync("plant2", "a.md"))!.Library);
    }

    [SkippableFact]
    public async Task Supersession_IsPerLibraryAndKind_AndIgnoresIdentityCaseAndDashes()
    {
        var kb = await OpenAsync();
        var store = kb.Documents;
        var old = await store.SaveAsync(Doc("gb-2008.md", "GB/T 3077", year: 2008, sha: "1", kind: DocumentKind.Standard), Chunks("x"));
        var current = await store.SaveAsync(Doc("gb-2015.md", "gb/t  3077", year: 2015, sha: "2", kind: DocumentKind.Standard), Chunks("y"));
        var otherLibrary = await store.SaveAsync(Doc("gb-1999.md", "GB/T 3077", year: 1999, sha: "3", library: "lab", kind: DocumentKind.Standard), Chunks("z"));

        Assert.True((await store.GetAsync(old.Id))!.Superseded);
        Assert.False((await store.GetAsync(current.Id))!.Superseded);
        Assert.False((await store.GetAsync(otherLibrary.Id))!.Superseded);
    }

    [SkippableFact]
    public async Task ReplacingTheNewestWithAnOlderRevision_ReMarksTheGroup()
    {
        var kb = await OpenAsync();
        var store = kb.Documents;
        var a = await store.SaveAsync(Doc("wi-a.md", "WI-1", "A", sha: "1"), Chunks("x"));
        var b = await store.SaveAsync(Doc("wi-b.md", "WI-1", "B", sha: "2"), Chunks("y"));
        Assert.True((await store.GetAsync(a.Id))!.Superseded);
        // The file wi-b.md is edited and now says it is another document altogether.
        await store.SaveAsync(Doc("wi-b.md", "WI-9", "B", sha: "3"), Chunks("z"));
        Assert.False((await store.GetAsync(a.Id))!.Superseded);
        Assert.False((await store.GetAsync(b.Id))!.Superseded);
    }

    [SkippableFact]
    public async Task Revisions_RoundTrip_WithTheirDates()
    {
        var kb = await OpenAsync();
        var saved = await kb.Documents.SaveAsync(Doc("gb.md", "GB/T 3077", year: 2015) with
        {
            Revision = new DocumentRevision("GB/T 3077", null, new DateOnly(2016, 1, 1), 2015),
            Warnings = [new IngestNote(IngestWarning.TypeMismatch, "a note") { Pages = [2, 3] }],
        }, Chunks("x"));

        Assert.Equal(("GB/T 3077", "2015", new DateOnly(2016, 1, 1), 2015), (saved.Identity, saved.Revision, saved.EffectiveDate, saved.RevisionYear));
        var note = Assert.Single(saved.Warnings);
        Assert.Equal((IngestWarning.TypeMismatch, "a note"), (note.Code, note.Text));
        Assert.Equal([2, 3], note.Pages);
        Assert.True(saved.UpdatedAt >= saved.CreatedAt);
    }

    [SkippableFact]
    public async Task Delete_RemovesDocumentChunksAndIndex()
    {
        var kb = await OpenAsync();
        var doc = await kb.Documents.SaveAsync(Doc("a.md"), Chunks("gamma"));
        Assert.True(await kb.Documents.DeleteAsync(doc.Id));
        Assert.False(await kb.Documents.DeleteAsync(doc.Id));
        Assert.Empty(await kb.Documents.GetChunksAsync(doc.Id));
        Assert.Null(await kb.Documents.GetAsync(doc.Id));
        Assert.Equal(0, await KeywordHitsAsync(kb, "\"gamma\""));
    }

    [SkippableFact]
    public async Task DeletingTheNewestRevision_MakesTheOlderCurrentAgain()
    {
        var kb = await OpenAsync();
        var a = await kb.Documents.SaveAsync(Doc("wi-a.md", "WI-1", "A", sha: "1"), Chunks("x"));
        var b = await kb.Documents.SaveAsync(Doc("wi-b.md", "WI-1", "B", sha: "2"), Chunks("y"));
        Assert.True((await kb.Documents.GetAsync(a.Id))!.Superseded);

        Assert.True(await kb.Documents.DeleteAsync(b.Id));

        Assert.False((await kb.Documents.GetAsync(a.Id))!.Superseded);
    }

    [SkippableFact]
    public async Task IdsAreNeverReused_AfterADelete()
    {
        var kb = await OpenAsync();
        var first = await kb.Documents.SaveAsync(Doc("a.md", library: "one"), Chunks("x"));
        var firstChunk = Assert.Single(await kb.Documents.GetChunksAsync(first.Id)).Id;
        await kb.Documents.DeleteAsync(first.Id);

        var second = await kb.Documents.SaveAsync(Doc("b.md", library: "two"), Chunks("y"));

        Assert.True(second.Id > first.Id);
        Assert.True(Assert.Single(await kb.Documents.GetChunksAsync(second.Id)).Id > firstChunk);
    }
}

public sealed class SqliteDocumentStoreContract : DocumentStoreContract<SqliteEngine>;

public sealed class PostgresDocumentStoreContract : DocumentStoreContract<PostgresEngine>;
