using Microsoft.Data.Sqlite;
using RagAssistant.Core.Text;
using RagAssistant.Testing;
using static RagAssistant.Storage.Sqlite.Tests.Sql;
using static RagAssistant.Storage.Sqlite.Tests.SqliteDocumentStoreTests;

namespace RagAssistant.Storage.Sqlite.Tests;

/// <summary>Originals across SQLite schema versions; their behaviour is DocumentOriginalsContract's.</summary>
public class DocumentOriginalsTests : IDisposable
{
    /// <summary>The schema version shipped before originals were stored.</summary>
    private const int BeforeOriginals = 5;

    private readonly TempDirectory _folder = new();
    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    private static byte[] Bytes(string text) => System.Text.Encoding.UTF8.GetBytes(text);

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
