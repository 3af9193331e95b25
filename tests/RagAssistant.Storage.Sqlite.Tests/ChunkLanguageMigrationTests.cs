using Microsoft.Data.Sqlite;
using RagAssistant.Core.Search;
using RagAssistant.Testing;
using static RagAssistant.Storage.Sqlite.Tests.Sql;
using static RagAssistant.Testing.ConversationSamples;

namespace RagAssistant.Storage.Sqlite.Tests;

public class ChunkLanguageMigrationTests : IDisposable
{
    /// <summary>The schema version shipped before chunks carried their language.</summary>
    private const int BeforeLanguage = 6;

    private readonly TempDirectory _folder = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    [Fact]
    public async Task DatabaseAtVersion6_BackfillsEachChunksLanguage_AndKeywordSearchFiltersByIt()
    {
        var path = _folder.File("old.db");
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            for (var i = 0; i < BeforeLanguage; i++)
                Execute(connection, SchemaMigrations.All[i] + $"\nPRAGMA user_version = {i + 1};");
            Execute(connection, """
                INSERT INTO libraries (id, name, created_at) VALUES (1, 'default', '2025-01-01T00:00:00.0000000+00:00');
                INSERT INTO documents (id, library_id, source, file_name, title, kind, sha256, size, content_type, status,
                    created_at, updated_at)
                VALUES (7, 1, 'a.md', 'a.md', 'A', 'other', 'sha-1', 10, 'md', 'ready',
                    '2025-01-01T00:00:00.0000000+00:00', '2025-01-01T00:00:00.0000000+00:00');
                -- char() spells the extension-A and compatibility ideographs, which an editor's normalisation would change.
                INSERT INTO chunks (id, document_id, ordinal, text, context, locator, token_count) VALUES
                    (70, 7, 0, 'Spindle speed 950 rpm.', 'A', '1', 4),
                    (71, 7, 1, '主轴转速 950 rpm。', 'A', '2', 4),
                    (72, 7, 2, 'Ext-A ' || char(0x3400) || ' and compatibility ' || char(0xF900) || ' ideographs', 'A', '3', 4),
                    (73, 7, 3, 'Fullwidth ＡＢＣ and kana カタカナ only', 'A', '4', 4);
                INSERT INTO chunks_fts (rowid, context, text) VALUES
                    (70, 'a', 'spindle speed 950 rpm'), (71, 'a', '主轴 转速 950 rpm'),
                    (72, 'a', 'ext a and compatibility ideographs'), (73, 'a', 'fullwidth abc and kana カタカナ only');
                """);
        }

        var database = new SqliteDatabase(path);
        using (var connection = database.Open())
        {
            foreach (var (id, text) in new[] { (70, "Spindle speed 950 rpm."), (71, "主轴转速 950 rpm。"), (72, "Ext-A \u3400 and compatibility \uF900 ideographs"), (73, "Fullwidth ＡＢＣ and kana カタカナ only") })
                Assert.Equal(ChunkLanguage.Of(text), (string)Scalar(connection, $"SELECT language FROM chunks WHERE id = {id}")!);
        }

        var search = new SqliteChunkSearch(database);
        var all = "\"950\" OR \"and\"";
        Assert.Equal([71L, 72L], (await search.KeywordSearchAsync(all, new SearchFilter(Language: "zh"), 10)).Select(h => h.ChunkId).Order());
        Assert.Equal([70L, 73L], (await search.KeywordSearchAsync(all, new SearchFilter(Language: "en"), 10)).Select(h => h.ChunkId).Order());
    }
}
