using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using RagAssistant.Core.Documents;
using RagAssistant.Core.Search;
using RagAssistant.Core.Storage;
using RagAssistant.Core.Text;
using RagAssistant.Retrieval.Dense;
using RagAssistant.Storage.Sqlite;
using RagAssistant.Testing;

namespace RagAssistant.Retrieval.Tests.Dense;

/// <summary>
/// The dense index follows the knowledge base by its change log — adds, deletions, re-marked revisions, moved documents,
/// writes by another process — applied by chunk id without reloading every vector (<see cref="VectorIndexCache.Counters"/>),
/// and reloads only when the log can no longer say what changed.
/// </summary>
public sealed class VectorIndexCacheTests : IDisposable
{
    private const string Model = "test-model";
    private const int Dimension = 8;
    private readonly TempDirectory _folder = new();
    private readonly SqliteDatabase _database;
    private readonly SqliteDocumentStore _store;
    private readonly VectorIndexCache _cache;

    public VectorIndexCacheTests()
    {
        _database = new SqliteDatabase(_folder.File("kb.db"));
        _store = new SqliteDocumentStore(_database, new IdentitySegmenter());
        _cache = new VectorIndexCache(Model, readsChinese: false, new SqliteChunkSearch(_database), Options.Create(new RetrievalOptions()));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    /// <summary>A unit vector along axis <paramref name="axis"/> (mod the dimension), a little tilted by <paramref name="tilt"/>.</summary>
    private static float[] Axis(int axis, float tilt = 0)
    {
        var v = new float[Dimension];
        v[axis % Dimension] = 1;
        v[(axis + 1) % Dimension] = tilt;
        return v;
    }

    private static DocumentInfo Doc(string source, string library = Libraries.Default, string? identity = null, string? mark = null, string sha = "sha-1") => new()
    {
        Library = library,
        Source = source,
        FileName = source,
        Title = source,
        Kind = DocumentKind.Other,
        Revision = new DocumentRevision(identity, mark),
        Sha256 = sha,
        Size = 10,
        ContentType = "markdown",
    };

    private static ChunkDraft[] Embedded(params float[][] vectors) =>
        vectors.Select((v, i) => new ChunkDraft(i, $"chunk {i}", "ctx", $"line {i + 1}", null, 3) { Vector = new ChunkVector(Model, v) }).ToArray();

    private async Task<List<long>> ChunkIdsAsync(StoredDocument document) => (await _store.GetChunksAsync(document.Id)).Select(c => c.Id).ToList();

    private async Task<IReadOnlyList<ChunkHit>> SearchAsync(float[] query, SearchFilter? filter = null, int k = 3) =>
        (await _cache.GetAsync())!.Search(query, k, VectorIndexCache.Allow(filter ?? SearchFilter.None));

    [Fact]
    public async Task AddingADocument_UpdatesTheIndexWithoutAReload_AndFindsItsChunks()
    {
        await _store.SaveAsync(Doc("a.md"), Embedded(Axis(0), Axis(1)));
        Assert.Equal(2, (await _cache.GetAsync())!.Count);

        var added = await _store.SaveAsync(Doc("b.md", sha: "sha-2"), Embedded(Axis(2, 0.1f), Axis(3, 0.1f), Axis(4, 0.1f)));

        var index = await _cache.GetAsync();
        Assert.Equal(5, index!.Count);
        Assert.Equal((await ChunkIdsAsync(added))[1], (await SearchAsync(Axis(3, 0.1f)))[0].ChunkId);
        var counters = _cache.Counters;
        Assert.Equal((1L, 1L, 3L, "first use"), (counters.FullLoads, counters.IncrementalUpdates, counters.ChangesApplied, counters.LastFullLoadReason));
    }

    [Fact]
    public async Task DeletingADocument_RemovesItsVectorsWithoutAReload()
    {
        var kept = await _store.SaveAsync(Doc("a.md"), Embedded(Axis(0)));
        var deleted = await _store.SaveAsync(Doc("b.md", sha: "sha-2"), Embedded(Axis(1), Axis(2)));
        await _cache.GetAsync();

        Assert.True(await _store.DeleteAsync(deleted.Id));

        var index = await _cache.GetAsync();
        Assert.Equal(1, index!.Count);
        Assert.All(await ChunkIdsAsync(deleted), id => Assert.Null(index.GetVector(id)));
        Assert.Equal((await ChunkIdsAsync(kept)).Single(), (await SearchAsync(Axis(1))).Single().ChunkId);
        Assert.Equal((1L, 1L), (_cache.Counters.FullLoads, _cache.Counters.IncrementalUpdates));
    }

    [Fact]
    public async Task ReplacingAFile_SwapsItsChunksWithoutAReload()
    {
        var first = await ChunkIdsAsync(await _store.SaveAsync(Doc("a.md"), Embedded(Axis(0), Axis(1))));
        await _cache.GetAsync();

        var replaced = await _store.SaveAsync(Doc("a.md", sha: "sha-2"), Embedded(Axis(5)));

        var index = await _cache.GetAsync();
        Assert.Equal(1, index!.Count);
        Assert.Equal((await ChunkIdsAsync(replaced)).Single(), (await SearchAsync(Axis(5))).Single().ChunkId);
        Assert.All(first, id => Assert.Null(index.GetVector(id)));
        Assert.Equal(1L, _cache.Counters.FullLoads);
    }

    [Fact]
    public async Task ANewerRevision_MarksTheOlderSupersededWithoutAReload_SoCurrentOnlySearchesLeaveItOut()
    {
        var old = await _store.SaveAsync(Doc("a.md", identity: "Q/XX 1", mark: "A"), Embedded(Axis(0)));
        var current = SearchFilter.None with { CurrentOnly = true };
        Assert.Single(await SearchAsync(Axis(0), current));

        var newer = await _store.SaveAsync(Doc("b.md", identity: "Q/XX 1", mark: "B", sha: "sha-2"), Embedded(Axis(0, 0.5f)));

        var oldChunk = (await ChunkIdsAsync(old)).Single();
        Assert.Equal([(await ChunkIdsAsync(newer)).Single()], (await SearchAsync(Axis(0), current)).Select(h => h.ChunkId));
        Assert.Equal(oldChunk, (await SearchAsync(Axis(0)))[0].ChunkId); // still found without the filter
        Assert.True((await _cache.GetAsync())!.GetTag(oldChunk)!.Value.Superseded);

        // Deleting the newer revision makes the older one current again.
        Assert.True(await _store.DeleteAsync(newer.Id));
        Assert.Equal([oldChunk], (await SearchAsync(Axis(0), current)).Select(h => h.ChunkId));
        Assert.Equal(1L, _cache.Counters.FullLoads);
    }

    [Fact]
    public async Task MovingOrRenamingALibrary_ChangesTheTagWithoutAReload_SoLibraryFiltersSeeIt()
    {
        var document = await _store.SaveAsync(Doc("a.md", library: "drafts"), Embedded(Axis(0), Axis(1)));
        var released = SearchFilter.None with { Libraries = ["released"] };
        Assert.Empty(await SearchAsync(Axis(0), released));

        using (var connection = _database.Open())
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"""
                INSERT INTO libraries (name, created_at) VALUES ('released', '2024-01-01');
                UPDATE documents SET library_id = (SELECT id FROM libraries WHERE name = 'released') WHERE id = {document.Id};
                """;
            command.ExecuteNonQuery();
        }
        Assert.Equal(2, (await SearchAsync(Axis(0), released)).Count);

        using (var connection = _database.Open())
        {
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE libraries SET name = 'published' WHERE name = 'released'";
            command.ExecuteNonQuery();
        }
        Assert.Empty(await SearchAsync(Axis(0), released));
        Assert.Equal(2, (await SearchAsync(Axis(0), SearchFilter.None with { Libraries = ["published"] })).Count);
        Assert.Equal((1L, 2L, 4L), (_cache.Counters.FullLoads, _cache.Counters.IncrementalUpdates, _cache.Counters.ChangesApplied));
    }

    [Fact]
    public async Task AWriteByAnotherProcess_IsSeen()
    {
        await _store.SaveAsync(Doc("a.md"), Embedded(Axis(0)));
        await _cache.GetAsync();

        // Another process on the same file: its own database object, connections and pool.
        var other = new SqliteDocumentStore(new SqliteDatabase(_folder.File("kb.db")), new IdentitySegmenter());
        var added = await other.SaveAsync(Doc("b.md", sha: "sha-2"), Embedded(Axis(6)));

        Assert.Equal((await other.GetChunksAsync(added.Id)).Single().Id, (await SearchAsync(Axis(6)))[0].ChunkId);
        Assert.Equal((1L, 1L), (_cache.Counters.FullLoads, _cache.Counters.IncrementalUpdates));
    }

    [Fact]
    public async Task ReembeddedVectors_ReplaceTheOldOnesWithoutAReload()
    {
        var document = await _store.SaveAsync(Doc("a.md"), Embedded(Axis(0), Axis(1)));
        await _cache.GetAsync();
        var chunk = (await ChunkIdsAsync(document))[0];

        var vectors = new SqliteChunkVectorStore(_database);
        await vectors.WriteVectorsAsync([(chunk, new ChunkVector(Model, Axis(7)))]);

        Assert.Equal(chunk, (await SearchAsync(Axis(7)))[0].ChunkId);
        Assert.Equal((1L, 1L, 1L), (_cache.Counters.FullLoads, _cache.Counters.IncrementalUpdates, _cache.Counters.ChangesApplied));
    }

    [Fact]
    public async Task AnEmptyKnowledgeBase_GetsAnIndexWithItsFirstVectors_WithoutAReload()
    {
        Assert.Null(await _cache.GetAsync());

        await _store.SaveAsync(Doc("a.md"), Embedded(Axis(2)));

        Assert.Equal(1, (await _cache.GetAsync())!.Count);
        Assert.Equal(1L, _cache.Counters.FullLoads);
    }

    [Fact]
    public async Task ACacheBehindThePrunedLog_ReloadsEverything_AndSaysSo()
    {
        var deleted = await _store.SaveAsync(Doc("a.md"), Embedded(Axis(0)));
        var deletedChunk = (await ChunkIdsAsync(deleted)).Single();
        await _cache.GetAsync();
        Assert.True(await _store.DeleteAsync(deleted.Id));
        var added = await _store.SaveAsync(Doc("b.md", sha: "sha-2"), Embedded(Axis(1), Axis(2)));
        using (var connection = _database.Open())
        {
            // What the pruning trigger does after 100,000 more changes: the rows this cache has not read are gone.
            using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM index_changes WHERE seq < (SELECT max(seq) FROM index_changes)";
            command.ExecuteNonQuery();
        }

        var index = await _cache.GetAsync();

        Assert.Equal((await ChunkIdsAsync(added)).Order(), new[] { Axis(1), Axis(2) }.Select(q => index!.Search(q, 1)[0].ChunkId).Order());
        Assert.Equal(2, index!.Count);
        Assert.Null(index.GetVector(deletedChunk));
        Assert.Equal(2L, _cache.Counters.FullLoads);
        Assert.Contains("pruned", _cache.Counters.LastFullLoadReason);
        Assert.Equal(0L, _cache.Counters.IncrementalUpdates);
    }
}
