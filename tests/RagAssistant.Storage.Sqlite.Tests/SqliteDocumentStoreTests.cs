using Microsoft.Data.Sqlite;
using RagAssistant.Core.Documents;
using RagAssistant.Core.Storage;
using RagAssistant.Core.Text;
using RagAssistant.Testing;
using static RagAssistant.Storage.Sqlite.Tests.Sql;

namespace RagAssistant.Storage.Sqlite.Tests;

/// <summary>What is SQLite's own: the file, WAL mode, refusing files that are not usable. The store's behaviour is the contract suite's (RagAssistant.Storage.Contract.Tests).</summary>
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
        string library = Libraries.Default, string sha = "sha-1", string kind = DocumentKind.Other) =>
        StoreSamples.Doc(source, identity, mark, year, library, sha, kind);

    internal static ChunkDraft[] Chunks(params string[] texts) => StoreSamples.Chunks(texts);

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
