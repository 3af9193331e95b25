using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using RagAssistant.Core.Text;
using RagAssistant.Testing;
using static RagAssistant.Storage.Sqlite.Tests.Sql;
using static RagAssistant.Storage.Sqlite.Tests.SqliteDocumentStoreTests;

namespace RagAssistant.Storage.Sqlite.Tests;

public class DocumentOriginalsTests : IDisposable
{
    /// <summary>The schema version shipped before originals were stored.</summary>
    private const int BeforeOriginals = 5;

    private readonly TempDirectory _folder = new();
    private readonly SqliteDatabase _database;
    private readonly SqliteDocumentStore _store;

    public DocumentOriginalsTests()
    {
        _database = new SqliteDatabase(_folder.File("kb.db"));
        _store = new SqliteDocumentStore(_database, new IdentitySegmenter());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    private static byte[] Bytes(string text) => System.Text.Encoding.UTF8.GetBytes(text);

    private static string Sha(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    [Fact]
    public async Task Save_KeepsTheOriginal_ByteForByte()
    {
        var content = Bytes("# Lathe\n\nSpindle 950 rpm.");
        var saved = await _store.SaveAsync(Doc("a.md") with { Content = content }, Chunks("x"));

        Assert.True(saved.HasOriginal);
        Assert.Equal(content, await _store.OpenOriginalAsync(saved.Id));
    }

    [Fact]
    public async Task Save_WithoutContent_KeepsNone()
    {
        var saved = await _store.SaveAsync(Doc("a.md"), Chunks("x"));
        Assert.False(saved.HasOriginal);
        Assert.Null(await _store.OpenOriginalAsync(saved.Id));
        Assert.Null(await _store.OpenOriginalAsync(12345));
    }

    [Fact]
    public async Task Replacing_ReplacesTheOriginal()
    {
        var first = await _store.SaveAsync(Doc("a.md") with { Content = Bytes("old") }, Chunks("x"));
        var second = await _store.SaveAsync(Doc("a.md", sha: "sha-2") with { Content = Bytes("new") }, Chunks("y"));

        Assert.Equal(first.Id, second.Id);
        Assert.Equal(Bytes("new"), await _store.OpenOriginalAsync(second.Id));
        using var connection = _database.Open();
        Assert.Equal(1L, Scalar(connection, "SELECT count(*) FROM document_files"));
    }

    [Fact]
    public async Task Replacing_WithoutContent_DropsTheOldOriginal()
    {
        var first = await _store.SaveAsync(Doc("a.md") with { Content = Bytes("old") }, Chunks("x"));
        await _store.SaveAsync(Doc("a.md", sha: "sha-2"), Chunks("y"));
        Assert.Null(await _store.OpenOriginalAsync(first.Id));
    }

    [Fact]
    public async Task Delete_RemovesTheOriginal()
    {
        var saved = await _store.SaveAsync(Doc("a.md") with { Content = Bytes("text") }, Chunks("x"));
        Assert.True(await _store.DeleteAsync(saved.Id));

        Assert.Null(await _store.OpenOriginalAsync(saved.Id));
        using var connection = _database.Open();
        Assert.Equal(0L, Scalar(connection, "SELECT count(*) FROM document_files"));
    }

    [Fact]
    public async Task KeepOriginalsOff_StoresNone()
    {
        var store = new SqliteDocumentStore(_database, new IdentitySegmenter(), Options.Create(new SqliteStorageOptions { KeepOriginals = false }));
        var content = Bytes("text");
        var saved = await store.SaveAsync(Doc("a.md", sha: Sha(content)) with { Content = content }, Chunks("x"));

        Assert.False(saved.HasOriginal);
        Assert.Null(await store.OpenOriginalAsync(saved.Id));
        Assert.False(await store.AttachOriginalAsync(saved.Id, content));
    }

    [Fact]
    public async Task Attach_StoresTheOriginal_OnlyWhenItsHashIsTheDocuments()
    {
        var content = Bytes("text");
        var saved = await _store.SaveAsync(Doc("a.md", sha: Sha(content)), Chunks("x"));

        Assert.False(await _store.AttachOriginalAsync(saved.Id, Bytes("other")));
        Assert.False(await _store.AttachOriginalAsync(999, content));
        Assert.True(await _store.AttachOriginalAsync(saved.Id, content));
        Assert.Equal(content, await _store.OpenOriginalAsync(saved.Id));
        Assert.True((await _store.GetAsync(saved.Id))!.HasOriginal);
    }

    [Fact]
    public async Task DatabaseAtVersion5_Migrates_KeepingItsDocumentsWithoutOriginals()
    {
        var path = _folder.File("old.db");
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            for (var i = 0; i < BeforeOriginals; i++)
                Execute(connection, SchemaMigrations.All[i] + $"\nPRAGMA user_version = {i + 1};");
            Execute(connection, """
                INSERT INTO libraries (id, name, created_at) VALUES (1, 'default', '2025-01-01T00:00:00.0000000+00:00');
                INSERT INTO documents (id, library_id, source, file_name, title, kind, sha256, size, content_type, status,
                    created_at, updated_at)
                VALUES (7, 1, 'notes/a.md', 'a.md', 'A', 'other', 'sha-1', 10, 'markdown', 'ready',
                    '2025-01-01T00:00:00.0000000+00:00', '2025-01-01T00:00:00.0000000+00:00');
                INSERT INTO chunks (id, document_id, ordinal, text, context, locator, page, token_count, boxes)
                VALUES (70, 7, 0, 'Spindle speed 950 rpm.', 'A', 'line 3', NULL, 4, '[]');
                """);
        }

        var database = new SqliteDatabase(path);
        var store = new SqliteDocumentStore(database, new IdentitySegmenter());
        var document = Assert.Single(await store.ListAsync());
        Assert.Equal(("notes/a.md", 1, false), (document.Source, document.Chunks, document.HasOriginal));
        Assert.Null(await store.OpenOriginalAsync(document.Id));
        using (var connection = database.Open())
            Assert.Equal((long)SchemaMigrations.All.Count, Scalar(connection, "PRAGMA user_version"));

        // The document can still be replaced and deleted, now with an original.
        var replaced = await store.SaveAsync(Doc("notes/a.md", library: "default", sha: "sha-2") with { Content = Bytes("new") }, Chunks("y"));
        Assert.Equal((7L, true), (replaced.Id, replaced.HasOriginal));
        Assert.True(await store.DeleteAsync(7));
    }
}
