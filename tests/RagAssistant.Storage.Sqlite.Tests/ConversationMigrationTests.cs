using Microsoft.Data.Sqlite;
using RagAssistant.Core.Answers;
using RagAssistant.Core.Text;
using RagAssistant.Testing;
using static RagAssistant.Storage.Sqlite.Tests.Sql;
using static RagAssistant.Testing.ConversationSamples;

namespace RagAssistant.Storage.Sqlite.Tests;

public class ConversationMigrationTests : IDisposable
{
    /// <summary>The schema version shipped before conversations were stored.</summary>
    private const int BeforeConversations = 4;

    private readonly TempDirectory _folder = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    [Fact]
    public async Task DatabaseAtVersion4_MigratesToTheConversationTables_KeepingItsDocuments()
    {
        var path = _folder.File("old.db");
        CreateVersion4WithOneDocument(path);

        var database = new SqliteDatabase(path);
        var documents = new SqliteDocumentStore(database, new IdentitySegmenter());
        var document = Assert.Single(await documents.ListAsync());
        Assert.Equal(("manuals/lathe.pdf", "plant1", 1), (document.Source, document.Library, document.Chunks));
        Assert.Equal("Spindle speed 950 rpm.", Assert.Single(await documents.GetChunksAsync(document.Id)).Text);
        using (var connection = database.Open())
            Assert.Equal((long)SchemaMigrations.All.Count, Scalar(connection, "PRAGMA user_version"));

        var conversations = new SqliteConversationStore(database, TimeProvider.System);
        var id = await conversations.CreateAsync("", "alice");
        await conversations.AddTurnAsync(id, "Spindle speed?", "spindle speed", Answer("950 rpm [1]", Cite(1, "Spindle speed 950 rpm.", 2)));
        Assert.Equal("Spindle speed?", Assert.Single(await conversations.ListAsync("alice", 5)).Title);
        Assert.Equal(AnswerMode.Llm, Assert.Single((await conversations.GetAsync(id))!.Turns).Answer.Mode);
    }

    /// <summary>Builds the file the previous release wrote: the first four migrations and a document stored with them.</summary>
    private static void CreateVersion4WithOneDocument(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        for (var i = 0; i < BeforeConversations; i++)
            Execute(connection, SchemaMigrations.All[i] + $"\nPRAGMA user_version = {i + 1};");
        Execute(connection, """
            INSERT INTO libraries (id, name, created_at) VALUES (1, 'plant1', '2025-01-01T00:00:00.0000000+00:00');
            INSERT INTO documents (id, library_id, source, file_name, title, kind, sha256, size, pages, content_type, status,
                created_at, updated_at)
            VALUES (7, 1, 'manuals/lathe.pdf', 'lathe.pdf', 'Lathe manual', 'other', 'sha-1', 10, 3, 'pdf', 'ready',
                '2025-01-01T00:00:00.0000000+00:00', '2025-01-01T00:00:00.0000000+00:00');
            INSERT INTO chunks (id, document_id, ordinal, text, context, locator, page, token_count, boxes)
            VALUES (70, 7, 0, 'Spindle speed 950 rpm.', 'Lathe', 'p. 2', 2, 4, '[]');
            INSERT INTO chunks_fts (rowid, context, text) VALUES (70, 'Lathe', 'Spindle speed 950 rpm.');
            """);
        Assert.Equal((long)BeforeConversations, Scalar(connection, "PRAGMA user_version"));
        Assert.Equal(0L, Scalar(connection, "SELECT count(*) FROM sqlite_master WHERE name = 'conversations'"));
    }
}
