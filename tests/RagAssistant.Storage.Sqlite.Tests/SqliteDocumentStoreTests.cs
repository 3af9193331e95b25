using Microsoft.Data.Sqlite;
using RagAssistant.Core.Documents;
using RagAssistant.Core.Storage;
using RagAssistant.Core.Text;
using RagAssistant.Testing;
using static RagAssistant.Storage.Sqlite.Tests.Sql;

namespace RagAssistant.Storage.Sqlite.Tests;

public class SqliteDocumentStoreTests : IDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly SqliteDatabase _database;
    private readonly SqliteDocumentStore _store;

    public SqliteDocumentStoreTests()
    {
        _database = new SqliteDatabase(_folder.File("kb.db"));
        _store = new SqliteDocumentStore(_database, new IdentitySegmenter());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    internal static DocumentInfo Doc(string source, string? identity = null, string? mark = null, int? year = null,
        string library = Libraries.Default, string sha = "sha-1", string kind = DocumentKind.Other) => new()
    {
        Library = library,
        Source = source,
        FileName = Path.GetFileName(source),
        Title = source,
        Kind = kind,
        Revision = new DocumentRevision(identity, mark, Year: year),
        Sha256 = sha,
        Size = 10,
        ContentType = "markdown",
    };

    internal static ChunkDraft[] Chunks(params string[] texts) =>
        texts.Select((t, i) => new ChunkDraft(i, t, "ctx", $"line {i + 1}", null, 3)).ToArray();

    [Fact]
    public async Task Open_CreatesTheSchema_InWalMode()
    {
        await _store.OpenAsync();
        using var connection = _database.Open();
        Assert.Equal("wal", Scalar(connection, "PRAGMA journal_mode"));
        Assert.Equal((long)SchemaMigrations.All.Count, Scalar(connection, "PRAGMA user_version"));
        Assert.Equal(0L, Scalar(connection, "SELECT count(*) FROM chunks WHERE vector IS NOT NULL OR model IS NOT NULL"));
    }

    [Fact]
    public async Task Reopening_DoesNotMigrateAgain()
    {
        await _store.SaveAsync(Doc("a.md"), Chunks("x"));
        SqliteConnection.ClearAllPools();
        var again = new SqliteDocumentStore(new SqliteDatabase(_folder.File("kb.db")), new IdentitySegmenter());
        Assert.Single(await again.ListAsync());
    }

    [Fact]
    public async Task Save_StoresChunksAndTheirKeywordIndex()
    {
        var stored = await _store.SaveAsync(Doc("a.md"), Chunks("spindle speed 950", "feed 0.10"));
        Assert.Equal(2, stored.Chunks);
        using var connection = _database.Open();
        Assert.Equal(1L, Scalar(connection, "SELECT count(*) FROM chunks_fts WHERE chunks_fts MATCH 'spindle'"));
    }

    [Fact]
    public async Task ChunkBoxes_RoundTrip()
    {
        var box = new PageBox(3, 72.5, 100, 520, 112.25);
        var stored = await _store.SaveAsync(Doc("a.pdf"), [new ChunkDraft(0, "t", "c", "4.2.3", 3, 1) { Boxes = [box] }]);
        Assert.Equal([box], Assert.Single(await _store.GetChunksAsync(stored.Id)).Boxes);
    }

    [Fact]
    public async Task ScannedDocument_IsStoredWithoutChunks_WithItsPageStatus_AndReplacingItReplacesThePages()
    {
        var pages = new[] { new PageInfo(1, PageStatus.Text, 812), new PageInfo(2, PageStatus.NeedsOcr, 0), new PageInfo(3, PageStatus.Failed, 0, "bad content") };
        var stored = await _store.SaveAsync(Doc("scan.pdf") with { Status = DocumentStatus.NeedsOcr, PageDetails = pages }, []);

        Assert.Equal(DocumentStatus.NeedsOcr, stored.Status);
        Assert.Equal(pages, await _store.GetPagesAsync(stored.Id));

        // A scan placed sideways: OCR turned it a quarter turn to read it, and the page keeps that turn.
        var turned = new PageInfo(1, PageStatus.OcrDone, 900) { Rotation = 270 };
        var again = await _store.SaveAsync(Doc("scan.pdf", sha: "sha-2") with { PageDetails = [turned] }, Chunks("ocr text"));
        Assert.Equal(DocumentStatus.Ready, again.Status);
        Assert.Equal([turned], await _store.GetPagesAsync(again.Id));
        Assert.True(await _store.DeleteAsync(again.Id));
        Assert.Empty(await _store.GetPagesAsync(again.Id));
    }

    [Fact]
    public async Task Replace_RemovesTheOldKeywordRows()
    {
        await _store.SaveAsync(Doc("a.md"), Chunks("alpha text"));
        await _store.SaveAsync(Doc("a.md", sha: "sha-2"), Chunks("beta text"));
        using var connection = _database.Open();
        Assert.Equal(0L, Scalar(connection, "SELECT count(*) FROM chunks_fts WHERE chunks_fts MATCH 'alpha'"));
        Assert.Equal(1L, Scalar(connection, "SELECT count(*) FROM chunks_fts WHERE chunks_fts MATCH 'beta'"));
    }

    [Fact]
    public async Task FailedWrite_LeavesThePreviousVersionIntact()
    {
        var first = await _store.SaveAsync(Doc("a.md"), Chunks("original one", "original two"));
        // Two chunks with the same ordinal violate a constraint half-way through the write.
        ChunkDraft[] broken = [new(0, "new", "c", "l", null, 1), new(0, "clash", "c", "l", null, 1)];
        await Assert.ThrowsAsync<KnowledgeBaseException>(() => _store.SaveAsync(Doc("a.md", sha: "sha-2"), broken));

        var after = (await _store.GetAsync(first.Id))!;
        Assert.Equal("sha-1", after.Sha256);
        Assert.Equal(["original one", "original two"], (await _store.GetChunksAsync(first.Id)).Select(c => c.Text));
        using var connection = _database.Open();
        Assert.Equal(1L, Scalar(connection, "SELECT count(*) FROM chunks_fts WHERE chunks_fts MATCH 'original AND one'"));
    }

    [Fact]
    public async Task Libraries_KeepTheSameSourceApart()
    {
        await _store.SaveAsync(Doc("a.md", library: "plant1"), Chunks("x"));
        await _store.SaveAsync(Doc("a.md", library: "plant2"), Chunks("y"));
        Assert.Single(await _store.ListAsync("plant1"));
        Assert.Equal(2, (await _store.ListAsync()).Count);
        Assert.Null(await _store.FindByContentAsync("plant3", "sha-1"));
    }

    [Fact]
    public async Task Supersession_IsPerLibraryAndKind_AndIgnoresIdentityCaseAndDashes()
    {
        var old = await _store.SaveAsync(Doc("gb-2008.md", "GB/T 3077", year: 2008, sha: "1", kind: DocumentKind.Standard), Chunks("x"));
        var current = await _store.SaveAsync(Doc("gb-2015.md", "gb/t  3077", year: 2015, sha: "2", kind: DocumentKind.Standard), Chunks("y"));
        var otherLibrary = await _store.SaveAsync(Doc("gb-1999.md", "GB/T 3077", year: 1999, sha: "3", library: "lab", kind: DocumentKind.Standard), Chunks("z"));

        Assert.True((await _store.GetAsync(old.Id))!.Superseded);
        Assert.False((await _store.GetAsync(current.Id))!.Superseded);
        Assert.False((await _store.GetAsync(otherLibrary.Id))!.Superseded);
    }

    [Fact]
    public async Task ReplacingTheNewestWithAnOlderRevision_ReMarksTheGroup()
    {
        var a = await _store.SaveAsync(Doc("wi-a.md", "WI-1", "A", sha: "1"), Chunks("x"));
        var b = await _store.SaveAsync(Doc("wi-b.md", "WI-1", "B", sha: "2"), Chunks("y"));
        Assert.True((await _store.GetAsync(a.Id))!.Superseded);
        // The file wi-b.md is edited and now says it is another document altogether.
        await _store.SaveAsync(Doc("wi-b.md", "WI-9", "B", sha: "3"), Chunks("z"));
        Assert.False((await _store.GetAsync(a.Id))!.Superseded);
        Assert.False((await _store.GetAsync(b.Id))!.Superseded);
    }

    [Fact]
    public async Task Delete_RemovesDocumentChunksAndIndex()
    {
        var doc = await _store.SaveAsync(Doc("a.md"), Chunks("gamma"));
        Assert.True(await _store.DeleteAsync(doc.Id));
        Assert.False(await _store.DeleteAsync(doc.Id));
        Assert.Empty(await _store.GetChunksAsync(doc.Id));
        using var connection = _database.Open();
        Assert.Equal(0L, Scalar(connection, "SELECT count(*) FROM chunks_fts WHERE chunks_fts MATCH 'gamma'"));
    }

    [Fact]
    public async Task NotASqliteFile_IsRefusedByName()
    {
        var path = _folder.WriteText("notes.db", "this is a text file, not a database");
        var store = new SqliteDocumentStore(new SqliteDatabase(path), new IdentitySegmenter());
        var ex = await Assert.ThrowsAsync<KnowledgeBaseException>(() => store.OpenAsync());
        Assert.Contains(path, ex.Message);
        Assert.Contains("not a SQLite database", ex.Message);
        Assert.Equal("this is a text file, not a database", File.ReadAllText(path)); // untouched
    }

    [Fact]
    public async Task ReadOnlyFile_IsRefusedByName_AndKeepsItsData()
    {
        if (OperatingSystem.IsWindows()) return; // permission bits are a Unix notion
        await _store.SaveAsync(Doc("a.md"), Chunks("x"));
        SqliteConnection.ClearAllPools();
        var path = _folder.File("kb.db");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        try
        {
            var store = new SqliteDocumentStore(new SqliteDatabase(path), new IdentitySegmenter());
            var ex = await Assert.ThrowsAsync<KnowledgeBaseException>(() => store.OpenAsync());
            Assert.Contains("read-only", ex.Message);
            Assert.Contains(path, ex.Message);
        }
        finally
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        SqliteConnection.ClearAllPools();
        Assert.Single(await new SqliteDocumentStore(new SqliteDatabase(path), new IdentitySegmenter()).ListAsync());
    }
}
