using Microsoft.Data.Sqlite;
using RagAssistant.Core.Documents;
using RagAssistant.Core.Search;
using RagAssistant.Core.Text;
using RagAssistant.Testing;
using static RagAssistant.Storage.Sqlite.Tests.Sql;
using static RagAssistant.Storage.Sqlite.Tests.SqliteDocumentStoreTests;

namespace RagAssistant.Storage.Sqlite.Tests;

/// <summary>
/// The index change log (schema migration 9) as SQLite keeps it: bounded by pruning, honest about what it can no longer
/// tell, read by primary key. What it logs is IndexChangeLogContract's.
/// </summary>
public sealed class IndexChangeLogTests : IDisposable
{
    private const string Model = "test-model";
    private readonly TempDirectory _folder = new();
    private readonly SqliteDatabase _database;
    private readonly SqliteChunkSearch _search;

    public IndexChangeLogTests()
    {
        _database = new SqliteDatabase(_folder.File("kb.db"));
        _search = new SqliteChunkSearch(_database);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    private async Task<long> PositionAsync() => await _search.ReadVectorsAsync(Model, _ => { });

    [Fact]
    public async Task TheLog_IsPrunedToItsBound_AndAReaderBehindItIsToldToReload()
    {
        var start = await PositionAsync();
        using (var connection = _database.Open())
        {
            Execute(connection, """
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 120000)
                INSERT INTO index_changes (chunk_id) SELECT 1000000 + i FROM n
                """);
            var kept = (long)Scalar(connection, "SELECT count(*) FROM index_changes")!;
            Assert.InRange(kept, 100_000, 100_000 + 1024);
        }

        var behind = await _search.ReadIndexChangesAsync(Model, start, 100);
        Assert.True(behind.ReloadAll);
        Assert.Contains("pruned", behind.Reason);
        Assert.False((await _search.ReadIndexChangesAsync(Model, await PositionAsync() - 10, 100)).ReloadAll);
    }

    [Fact]
    public async Task AReloadMarker_OrALogBehindTheReader_AsksForAFullReload()
    {
        var start = await PositionAsync();
        using (var connection = _database.Open())
            Execute(connection, "INSERT INTO index_changes DEFAULT VALUES");

        var marker = await _search.ReadIndexChangesAsync(Model, start, 100);
        var restored = await _search.ReadIndexChangesAsync(Model, marker.Seq + 50, 100);

        Assert.True(marker.ReloadAll);
        Assert.True(restored.ReloadAll);
        Assert.Contains("restored", restored.Reason);
    }

    [Fact]
    public void ReadingChangesById_UsesTheChunksPrimaryKey_NotTheModelIndex()
    {
        using var connection = _database.Open();
        var plan = string.Join("\n", Rows(connection, """
            EXPLAIN QUERY PLAN SELECT c.id FROM chunks c JOIN documents d ON d.id = c.document_id JOIN libraries l ON l.id = d.library_id
            WHERE c.id IN (SELECT value FROM json_each('[1,2]')) AND +c.model = 'm' AND c.vector IS NOT NULL
            """));
        Assert.DoesNotContain("chunks_model", plan);
        Assert.DoesNotContain("SCAN c", plan);
    }

    private static IEnumerable<string> Rows(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        while (reader.Read()) yield return reader.GetString(3);
    }
}
