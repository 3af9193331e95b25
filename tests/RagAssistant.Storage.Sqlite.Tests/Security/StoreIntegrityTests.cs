using Microsoft.Data.Sqlite;
using RagAssistant.Core.Search;
using RagAssistant.Core.Storage;
using RagAssistant.Core.Text;
using RagAssistant.Testing;
using static RagAssistant.Storage.Sqlite.Tests.Sql;
using static RagAssistant.Storage.Sqlite.Tests.SqliteDocumentStoreTests;

namespace RagAssistant.Storage.Sqlite.Tests.Security;

/// <summary>
/// What the store guarantees so that no library's text reaches another's reader and no file is misread: ids are never
/// reused, every write moves the write generation, chunks loaded by id pass the caller's filter again, revisions are
/// ordered within a library only, a database written by a newer program is refused, and the file is private.
/// </summary>
public sealed class StoreIntegrityTests : IDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly SqliteDatabase _database;
    private readonly SqliteDocumentStore _store;
    private readonly SqliteChunkSearch _search;

    public StoreIntegrityTests()
    {
        _database = new SqliteDatabase(_folder.File("kb.db"));
        _store = new SqliteDocumentStore(_database, new IdentitySegmenter());
        _search = new SqliteChunkSearch(_database);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    [Fact]
    public async Task DeletingTheNewestDocument_DoesNotHandItsIdsToTheNextOne()
    {
        await _store.SaveAsync(Doc("old.md"), Chunks("a"));
        var newest = await _store.SaveAsync(Doc("pub.md", library: "pub", sha: "sha-2"), Chunks("b", "c"));
        var newestChunks = (await _store.GetChunksAsync(newest.Id)).Select(c => c.Id).ToList();

        Assert.True(await _store.DeleteAsync(newest.Id));
        var next = await _store.SaveAsync(Doc("secret.md", library: "secret", sha: "sha-3"), Chunks("d", "e"));

        Assert.True(next.Id > newest.Id);
        Assert.All(await _store.GetChunksAsync(next.Id), c => Assert.True(c.Id > newestChunks.Max()));
    }

    [Fact]
    public async Task ReplacingAFile_GivesItsChunksNewIds()
    {
        var first = await _store.SaveAsync(Doc("card.md"), Chunks("spindle 950"));
        var before = Assert.Single(await _store.GetChunksAsync(first.Id)).Id;

        var replaced = await _store.SaveAsync(Doc("card.md", sha: "sha-2"), Chunks("feed 0.2"));

        Assert.True(Assert.Single(await _store.GetChunksAsync(replaced.Id)).Id > before);
    }

    [Fact]
    public async Task WriteGeneration_MovesWithEveryWrite_AndStaysWhenNothingIsWritten()
    {
        var generations = new List<long> { await _search.WriteGenerationAsync() };
        var a = await _store.SaveAsync(Doc("a.md", identity: "Q/XX 1", mark: "A"), Chunks("x"));
        generations.Add(await _search.WriteGenerationAsync());
        await _store.SaveAsync(Doc("b.md", identity: "Q/XX 1", mark: "B", sha: "sha-2"), Chunks("y")); // supersedes a.md
        generations.Add(await _search.WriteGenerationAsync());
        await _store.SaveAsync(Doc("a.md", identity: "Q/XX 1", mark: "A", sha: "sha-3"), Chunks("x2")); // replaced, same chunk count
        generations.Add(await _search.WriteGenerationAsync());
        Assert.True(await _store.DeleteAsync(a.Id));
        generations.Add(await _search.WriteGenerationAsync());
        await _store.ListAsync();
        generations.Add(await _search.WriteGenerationAsync());

        Assert.True(generations.Take(5).Zip(generations.Skip(1).Take(4)).All(p => p.Second > p.First), string.Join(", ", generations));
        Assert.Equal(generations[4], generations[5]);
    }

    [Fact]
    public async Task WriteGeneration_MovesWhenVectorsAreReplaced()
    {
        var vectors = new SqliteChunkVectorStore(_database);
        var document = await _store.SaveAsync(Doc("a.md"), Chunks("x"));
        var chunk = Assert.Single(await _store.GetChunksAsync(document.Id));
        var before = await _search.WriteGenerationAsync();

        await vectors.WriteVectorsAsync([(chunk.Id, new RagAssistant.Core.Documents.ChunkVector("m", new float[] { 1, 0 }))]);

        Assert.True(await _search.WriteGenerationAsync() > before);
    }

    [Fact]
    public async Task LoadingChunksById_KeepsOnlyThoseThatPassTheCallersFilter()
    {
        var pub = await _store.SaveAsync(Doc("pub.md", library: "pub"), Chunks("coolant 3 bar"));
        var secret = await _store.SaveAsync(Doc("secret.md", library: "secret", sha: "sha-2"), Chunks("launch code 7741"));
        var ids = new[] { pub, secret }.Select(d => _store.GetChunksAsync(d.Id).Result.Single().Id).ToList();

        var forPubReader = await _search.GetChunksAsync(ids, new SearchFilter(Libraries: ["pub"]));
        var forEveryone = await _search.GetChunksAsync(ids, SearchFilter.None);

        Assert.Equal(["pub"], forPubReader.Select(c => c.Library));
        Assert.Equal(2, forEveryone.Count);
    }

    [Fact]
    public async Task ANewerRevisionInAnotherLibrary_DoesNotSupersedeTheGenuineOne()
    {
        var genuine = await _store.SaveAsync(Doc("GB-T-3077.pdf", identity: "GB/T 3077", year: 2015, library: "standards", kind: "standard"), Chunks("x"));
        await _store.SaveAsync(Doc("fake.pdf", identity: "GB/T 3077", year: 2099, library: "uploads", sha: "sha-2", kind: "standard"), Chunks("y"));

        Assert.False((await _store.GetAsync(genuine.Id))!.Superseded);
    }

    [Fact]
    public async Task ADatabaseAtVersion7_KeepsEveryId_StopsReusingThem_AndStillCascadesDeletes()
    {
        var path = _folder.File("v7.db");
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            MigrateTo(connection, 7);
            Execute(connection, """
                INSERT INTO libraries (id, name, created_at) VALUES (1, 'default', '2025-01-01T00:00:00.0000000+00:00');
                INSERT INTO documents (id, library_id, source, file_name, title, kind, sha256, size, content_type, status, created_at, updated_at)
                VALUES (7, 1, 'a.md', 'a.md', 'A', 'other', 'sha-1', 10, 'md', 'ready', '2025-01-01T00:00:00.0000000+00:00', '2025-01-01T00:00:00.0000000+00:00'),
                       (9, 1, 'b.md', 'b.md', 'B', 'other', 'sha-2', 10, 'md', 'ready', '2025-01-01T00:00:00.0000000+00:00', '2025-01-01T00:00:00.0000000+00:00');
                INSERT INTO chunks (id, document_id, ordinal, text, context, locator, token_count, language) VALUES
                    (70, 7, 0, 'spindle speed 950', 'A', '1', 3, 'en'), (90, 9, 0, 'feed 0.2', 'B', '1', 2, 'en');
                INSERT INTO chunks_fts (rowid, context, text) VALUES (70, 'a', 'spindle speed 950'), (90, 'b', 'feed 0.2');
                INSERT INTO pages (document_id, page, status, characters) VALUES (9, 1, 'text', 8);
                INSERT INTO document_files (document_id, content) VALUES (9, x'00');
                """);
        }

        var database = new SqliteDatabase(path);
        var store = new SqliteDocumentStore(database, new IdentitySegmenter());
        var search = new SqliteChunkSearch(database);
        Assert.Equal([7L, 9L], (await store.ListAsync()).Select(d => d.Id));
        Assert.Equal([70L], (await search.KeywordSearchAsync("\"spindle\"", SearchFilter.None, 5)).Select(h => h.ChunkId));

        Assert.True(await store.DeleteAsync(9));
        using (var connection = database.Open())
        {
            Assert.Equal(0L, Scalar(connection, "SELECT count(*) FROM chunks WHERE document_id = 9"));
            Assert.Equal(0L, Scalar(connection, "SELECT count(*) FROM pages WHERE document_id = 9"));
            Assert.Equal(0L, Scalar(connection, "SELECT count(*) FROM document_files WHERE document_id = 9"));
            Assert.Equal(1L, Scalar(connection, "PRAGMA foreign_keys"));
        }
        var next = await store.SaveAsync(Doc("c.md", sha: "sha-3"), Chunks("torque 12"));
        Assert.True(next.Id > 9);
        Assert.True(Assert.Single(await store.GetChunksAsync(next.Id)).Id > 90);
    }

    [Fact]
    public async Task ADatabaseFromANewerProgram_IsRefusedWithTheReason_AndLeftAlone()
    {
        var path = _folder.File("newer.db");
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            MigrateTo(connection, SchemaMigrations.All.Count);
            Execute(connection, $"PRAGMA user_version = {SchemaMigrations.All.Count + 1};");
        }

        var error = await Assert.ThrowsAsync<KnowledgeBaseException>(() => new SqliteDocumentStore(new SqliteDatabase(path), new IdentitySegmenter()).ListAsync());

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("newer", error.Message, StringComparison.Ordinal);
        using var check = new SqliteConnection($"Data Source={path};Pooling=False");
        check.Open();
        Assert.Equal((long)SchemaMigrations.All.Count + 1, Scalar(check, "PRAGMA user_version"));
    }

    [Fact]
    public async Task ANewDatabaseFile_IsReadableByItsOwnerOnly()
    {
        if (OperatingSystem.IsWindows()) return; // Unix file modes
        var path = _folder.File("private/kb.db");

        await new SqliteDocumentStore(new SqliteDatabase(path), new IdentitySegmenter()).SaveAsync(Doc("a.md"), Chunks("x"));

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        // SQLite removes the write-ahead log when the last connection closes: hold one open while looking at it.
        using var open = new SqliteConnection($"Data Source={path};Pooling=False");
        open.Open();
        Scalar(open, "SELECT count(*) FROM documents");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path + "-wal"));
        Assert.Equal(UnixFileMode.None, File.GetUnixFileMode(Path.GetDirectoryName(path)!) & UnixFileMode.OtherRead);
    }
}
