using RagAssistant.Core.Documents;
using RagAssistant.Core.Search;
using static RagAssistant.Testing.StoreSamples;

namespace RagAssistant.Storage.Contract.Tests;

/// <summary>
/// The index change log: every change an in-memory dense index must apply is logged by the database itself, read back
/// resolved to the chunks' current vectors and tags, in pages.
/// </summary>
public abstract class IndexChangeLogContract<TEngine> : StoreContract<TEngine> where TEngine : IStoreEngine
{
    private const string Model = "test-model";

    private static async Task<long> PositionAsync(KnowledgeBase kb) => await kb.Search.ReadVectorsAsync(Model, _ => { });

    [SkippableFact]
    public async Task SavingADocument_LogsItsChunks_ReadBackWithVectorsAndTags()
    {
        var kb = await OpenAsync();
        var start = await PositionAsync(kb);
        var document = await kb.Documents.SaveAsync(Doc("card.md", identity: "Q/XX 1", mark: "A", library: "plant"), Embedded(Model, "spindle", "feed"));

        var changes = await kb.Search.ReadIndexChangesAsync(Model, start, 100);

        Assert.False(changes.ReloadAll);
        Assert.False(changes.More);
        Assert.Equal((await kb.Documents.GetChunksAsync(document.Id)).Select(c => c.Id).Order(), changes.Upserts.Select(v => v.ChunkId).Order());
        Assert.All(changes.Upserts, v => Assert.Equal(("plant", "other", "Q/XX 1", false), (v.Library, v.Kind, v.IdentityKey, v.Superseded)));
        Assert.Equal([1f, 1f, 0f], changes.Upserts.Single(v => v.Vector[1] == 1).Vector);
        Assert.Empty(changes.Removes);
        Assert.Equal(await PositionAsync(kb), changes.Seq);
        Assert.Equal(IndexChanges.None(changes.Seq), await kb.Search.ReadIndexChangesAsync(Model, changes.Seq, 100) with { Upserts = [], Retags = [], Removes = [] });
    }

    [SkippableFact]
    public async Task ChunksWithoutVectors_AndOtherModels_AreNotTheModelsChanges()
    {
        var kb = await OpenAsync();
        var start = await PositionAsync(kb);
        await kb.Documents.SaveAsync(Doc("plain.md"), Chunks("no vector"));
        await kb.Documents.SaveAsync(Doc("other.md", sha: "sha-2"), Embedded("other-model", "x"));

        Assert.Equal(start, await PositionAsync(kb) - 1); // the other model's chunk is logged, the plain one is not
        var changes = await kb.Search.ReadIndexChangesAsync(Model, start, 100);
        Assert.Equal(0, changes.Count - changes.Removes.Count);
    }

    [SkippableFact]
    public async Task DeletingADocument_LogsItsChunksAsRemovals()
    {
        var kb = await OpenAsync();
        var document = await kb.Documents.SaveAsync(Doc("card.md"), Embedded(Model, "a", "b", "c"));
        var ids = (await kb.Documents.GetChunksAsync(document.Id)).Select(c => c.Id).ToList();
        var before = await PositionAsync(kb);

        Assert.True(await kb.Documents.DeleteAsync(document.Id));

        var changes = await kb.Search.ReadIndexChangesAsync(Model, before, 100);
        Assert.Equal(ids.Order(), changes.Removes.Order());
        Assert.Empty(changes.Upserts);
    }

    [SkippableFact]
    public async Task ANewerRevision_RetagsTheOlderOnesChunks_AndResavingUnchangedFlagsLogsNothing()
    {
        var kb = await OpenAsync();
        var old = await kb.Documents.SaveAsync(Doc("a.md", identity: "Q/XX 1", mark: "A"), Embedded(Model, "x"));
        var oldChunk = (await kb.Documents.GetChunksAsync(old.Id)).Single().Id;
        var before = await PositionAsync(kb);

        await kb.Documents.SaveAsync(Doc("b.md", identity: "Q/XX 1", mark: "B", sha: "sha-2"), Embedded(Model, "y"));

        var changes = await kb.Search.ReadIndexChangesAsync(Model, before, 100);
        var retag = Assert.Single(changes.Retags);
        Assert.Equal((oldChunk, true), (retag.ChunkId, retag.Superseded));
        Assert.Single(changes.Upserts); // b.md's chunk, current

        // Saving another document re-marks the group again with the same flags: no change to log.
        var after = await PositionAsync(kb);
        await kb.Documents.SaveAsync(Doc("c.md", sha: "sha-3"), Chunks("plain"));
        Assert.Equal(after, await PositionAsync(kb));
    }

    [SkippableFact]
    public async Task RenamingOrMovingDocuments_RetagsTheirChunks()
    {
        var kb = await OpenAsync();
        var document = await kb.Documents.SaveAsync(Doc("a.md", library: "old"), Embedded(Model, "x", "y"));
        var before = await PositionAsync(kb);

        await kb.ExecuteAsync("UPDATE libraries SET name = 'renamed' WHERE name = 'old'");
        var renamed = await kb.Search.ReadIndexChangesAsync(Model, before, 100);

        Assert.Equal(2, renamed.Retags.Count);
        Assert.All(renamed.Retags, t => Assert.Equal("renamed", t.Library));

        await kb.ExecuteAsync("INSERT INTO libraries (name, created_at) VALUES ('other', '2024-01-01')");
        await kb.ExecuteAsync($"UPDATE documents SET library_id = (SELECT id FROM libraries WHERE name = 'other') WHERE id = {document.Id}");
        var moved = await kb.Search.ReadIndexChangesAsync(Model, renamed.Seq, 100);
        Assert.All(moved.Retags, t => Assert.Equal("other", t.Library));
        Assert.Equal(2, moved.Retags.Count);
    }

    [SkippableFact]
    public async Task ReembeddingWithAnotherModel_RemovesTheChunkFromTheOldModelsChanges()
    {
        var kb = await OpenAsync();
        var vectors = kb.Vectors;
        var document = await kb.Documents.SaveAsync(Doc("a.md"), Embedded(Model, "x"));
        var chunk = (await kb.Documents.GetChunksAsync(document.Id)).Single().Id;
        var before = await PositionAsync(kb);

        await vectors.WriteVectorsAsync([(chunk, new ChunkVector("new-model", new float[] { 0, 1 }))]);

        Assert.Equal([chunk], (await kb.Search.ReadIndexChangesAsync(Model, before, 100)).Removes);
        Assert.Equal([chunk], (await kb.Search.ReadIndexChangesAsync("new-model", before, 100)).Upserts.Select(v => v.ChunkId));
    }

    [SkippableFact]
    public async Task ChangesAreReadInPages()
    {
        var kb = await OpenAsync();
        var start = await PositionAsync(kb);
        await kb.Documents.SaveAsync(Doc("a.md"), Embedded(Model, "a", "b", "c"));

        var first = await kb.Search.ReadIndexChangesAsync(Model, start, 2);
        var second = await kb.Search.ReadIndexChangesAsync(Model, first.Seq, 2);

        Assert.True(first.More);
        Assert.Equal(2, first.Upserts.Count);
        Assert.False(second.More);
        Assert.Single(second.Upserts);
    }

    [SkippableFact]
    public async Task ReadingEveryVector_StreamsThemWithThePositionTheyAreCurrentTo()
    {
        var kb = await OpenAsync();
        await kb.Documents.SaveAsync(Doc("a.md", library: "plant"), Embedded(Model, "a", "b"));
        await kb.Documents.SaveAsync(Doc("b.md", sha: "sha-2"), Embedded("other-model", "c"));
        var streamed = new List<IndexedVector>();

        var seq = await kb.Search.ReadVectorsAsync(Model, streamed.Add);

        Assert.Equal(2, streamed.Count);
        Assert.All(streamed, v => Assert.Equal("plant", v.Library));
        Assert.False((await kb.Search.ReadIndexChangesAsync(Model, seq, 100)).ReloadAll);
        Assert.Equal(0, (await kb.Search.ReadIndexChangesAsync(Model, seq, 100)).Count);
    }
}

public sealed class SqliteIndexChangeLogContract : IndexChangeLogContract<SqliteEngine>;

public sealed class PostgresIndexChangeLogContract : IndexChangeLogContract<PostgresEngine>;
