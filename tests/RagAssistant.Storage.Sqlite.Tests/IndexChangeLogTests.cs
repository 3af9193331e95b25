using Microsoft.Data.Sqlite;
using RagAssistant.Core.Documents;
using RagAssistant.Core.Search;
using RagAssistant.Core.Text;
using RagAssistant.Testing;
using static RagAssistant.Storage.Sqlite.Tests.Sql;
using static RagAssistant.Storage.Sqlite.Tests.SqliteDocumentStoreTests;

namespace RagAssistant.Storage.Sqlite.Tests;

/// <summary>
/// The index change log (schema migration 9): every change an in-memory dense index must apply is logged by the
/// database itself, read back resolved to the chunks' current vectors and tags, bounded, and honest about what it can
/// no longer tell.
/// </summary>
public sealed class IndexChangeLogTests : IDisposable
{
    private const string Model = "test-model";
    private readonly TempDirectory _folder = new();
    private readonly SqliteDatabase _database;
    private readonly SqliteDocumentStore _store;
    private readonly SqliteChunkSearch _search;

    public IndexChangeLogTests()
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

    private static ChunkDraft[] Embedded(string model, params string[] texts) =>
        Chunks(texts).Select((c, i) => c with { Vector = new ChunkVector(model, new float[] { 1, i, 0 }) }).ToArray();

    private async Task<long> PositionAsync() => await _search.ReadVectorsAsync(Model, _ => { });

    [Fact]
    public async Task SavingADocument_LogsItsChunks_ReadBackWithVectorsAndTags()
    {
        var start = await PositionAsync();
        var document = await _store.SaveAsync(Doc("card.md", identity: "Q/XX 1", mark: "A", library: "plant"), Embedded(Model, "spindle", "feed"));

        var changes = await _search.ReadIndexChangesAsync(Model, start, 100);

        Assert.False(changes.ReloadAll);
        Assert.False(changes.More);
        Assert.Equal((await _store.GetChunksAsync(document.Id)).Select(c => c.Id).Order(), changes.Upserts.Select(v => v.ChunkId).Order());
        Assert.All(changes.Upserts, v => Assert.Equal(("plant", "other", "Q/XX 1", false), (v.Library, v.Kind, v.IdentityKey, v.Superseded)));
        Assert.Equal([1f, 1f, 0f], changes.Upserts.Single(v => v.Vector[1] == 1).Vector);
        Assert.Empty(changes.Removes);
        Assert.Equal(await PositionAsync(), changes.Seq);
        Assert.Equal(IndexChanges.None(changes.Seq), await _search.ReadIndexChangesAsync(Model, changes.Seq, 100) with { Upserts = [], Retags = [], Removes = [] });
    }

    [Fact]
    public async Task ChunksWithoutVectors_AndOtherModels_AreNotTheModelsChanges()
    {
        var start = await PositionAsync();
        await _store.SaveAsync(Doc("plain.md"), Chunks("no vector"));
        await _store.SaveAsync(Doc("other.md", sha: "sha-2"), Embedded("other-model", "x"));

        Assert.Equal(start, await PositionAsync() - 1); // the other model's chunk is logged, the plain one is not
        var changes = await _search.ReadIndexChangesAsync(Model, start, 100);
        Assert.Equal(0, changes.Count - changes.Removes.Count);
    }

    [Fact]
    public async Task DeletingADocument_LogsItsChunksAsRemovals()
    {
        var document = await _store.SaveAsync(Doc("card.md"), Embedded(Model, "a", "b", "c"));
        var ids = (await _store.GetChunksAsync(document.Id)).Select(c => c.Id).ToList();
        var before = await PositionAsync();

        Assert.True(await _store.DeleteAsync(document.Id));

        var changes = await _search.ReadIndexChangesAsync(Model, before, 100);
        Assert.Equal(ids.Order(), changes.Removes.Order());
        Assert.Empty(changes.Upserts);
    }

    [Fact]
    public async Task ANewerRevision_RetagsTheOlderOnesChunks_AndResavingUnchangedFlagsLogsNothing()
    {
        var old = await _store.SaveAsync(Doc("a.md", identity: "Q/XX 1", mark: "A"), Embedded(Model, "x"));
        var oldChunk = (await _store.GetChunksAsync(old.Id)).Single().Id;
        var before = await PositionAsync();

        await _store.SaveAsync(Doc("b.md", identity: "Q/XX 1", mark: "B", sha: "sha-2"), Embedded(Model, "y"));

        var changes = await _search.ReadIndexChangesAsync(Model, before, 100);
        var retag = Assert.Single(changes.Retags);
        Assert.Equal((oldChunk, true), (retag.ChunkId, retag.Superseded));
        Assert.Single(changes.Upserts); // b.md's chunk, current

        // Saving another document re-marks the group again with the same flags: no change to log.
        var after = await PositionAsync();
        await _store.SaveAsync(Doc("c.md", sha: "sha-3"), Chunks("plain"));
        Assert.Equal(after, await PositionAsync());
    }

    [Fact]
    public async Task RenamingOrMovingDocuments_RetagsTheirChunks()
    {
        var document = await _store.SaveAsync(Doc("a.md", library: "old"), Embedded(Model, "x", "y"));
        var before = await PositionAsync();

        using (var connection = _database.Open())
            Execute(connection, "UPDATE libraries SET name = 'renamed' WHERE name = 'old'");
        var renamed = await _search.ReadIndexChangesAsync(Model, before, 100);

        Assert.Equal(2, renamed.Retags.Count);
        Assert.All(renamed.Retags, t => Assert.Equal("renamed", t.Library));

        using (var connection = _database.Open())
        {
            Execute(connection, "INSERT INTO libraries (name, created_at) VALUES ('other', '2024-01-01')");
            Execute(connection, $"UPDATE documents SET library_id = (SELECT id FROM libraries WHERE name = 'other') WHERE id = {document.Id}");
        }
        var moved = await _search.ReadIndexChangesAsync(Model, renamed.Seq, 100);
        Assert.All(moved.Retags, t => Assert.Equal("other", t.Library));
        Assert.Equal(2, moved.Retags.Count);
    }

    [Fact]
    public async Task ReembeddingWithAnotherModel_RemovesTheChunkFromTheOldModelsChanges()
    {
        var vectors = new SqliteChunkVectorStore(_database);
        var document = await _store.SaveAsync(Doc("a.md"), Embedded(Model, "x"));
        var chunk = (await _store.GetChunksAsync(document.Id)).Single().Id;
        var before = await PositionAsync();

        await vectors.WriteVectorsAsync([(chunk, new ChunkVector("new-model", new float[] { 0, 1 }))]);

        Assert.Equal([chunk], (await _search.ReadIndexChangesAsync(Model, before, 100)).Removes);
        Assert.Equal([chunk], (await _search.ReadIndexChangesAsync("new-model", before, 100)).Upserts.Select(v => v.ChunkId));
    }

    [Fact]
    public async Task ChangesAreReadInPages()
    {
        var start = await PositionAsync();
        await _store.SaveAsync(Doc("a.md"), Embedded(Model, "a", "b", "c"));

        var first = await _search.ReadIndexChangesAsync(Model, start, 2);
        var second = await _search.ReadIndexChangesAsync(Model, first.Seq, 2);

        Assert.True(first.More);
        Assert.Equal(2, first.Upserts.Count);
        Assert.False(second.More);
        Assert.Single(second.Upserts);
    }

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
    public async Task ReadingEveryVector_StreamsThemWithThePositionTheyAreCurrentTo()
    {
        await _store.SaveAsync(Doc("a.md", library: "plant"), Embedded(Model, "a", "b"));
        await _store.SaveAsync(Doc("b.md", sha: "sha-2"), Embedded("other-model", "c"));
        var streamed = new List<IndexedVector>();

        var seq = await _search.ReadVectorsAsync(Model, streamed.Add);

        Assert.Equal(2, streamed.Count);
        Assert.All(streamed, v => Assert.Equal("plant", v.Library));
        Assert.False((await _search.ReadIndexChangesAsync(Model, seq, 100)).ReloadAll);
        Assert.Equal(0, (await _search.ReadIndexChangesAsync(Model, seq, 100)).Count);
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
