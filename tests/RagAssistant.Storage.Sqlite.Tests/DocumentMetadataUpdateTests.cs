using Microsoft.Data.Sqlite;
using RagAssistant.Core.Documents;
using RagAssistant.Core.Search;
using RagAssistant.Core.Text;
using RagAssistant.Testing;
using static RagAssistant.Storage.Sqlite.Tests.Sql;
using static RagAssistant.Storage.Sqlite.Tests.SqliteDocumentStoreTests;

namespace RagAssistant.Storage.Sqlite.Tests;

/// <summary>A person corrects a document's title, identity, revision or kind (issue #26 item 5).</summary>
public sealed class DocumentMetadataUpdateTests : IDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly SqliteDatabase _database;
    private readonly SqliteDocumentStore _store;

    public DocumentMetadataUpdateTests()
    {
        _database = new SqliteDatabase(_folder.File("kb.db"));
        _store = new SqliteDocumentStore(_database, new IdentitySegmenter());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    [Fact]
    public async Task Retitle_Persists_AndChunkContextsAndTheirKeywordIndexFollow()
    {
        var stored = await _store.SaveAsync(Doc("datasheet.pdf"), [
            new ChunkDraft(0, "spindle speed 950", "datasheet.pdf > Ratings", "1", 1, 3),
            new ChunkDraft(1, "feed 0.10", "datasheet.pdf", "2", 1, 3),
            new ChunkDraft(2, "coolant", "other context", "3", 1, 3),
        ]);

        var updated = await _store.UpdateMetadataAsync(stored.Id, DocumentMetadata.Create("  Gearbox datasheet ", null, null, DocumentKind.Manual));

        Assert.Equal("Gearbox datasheet", updated!.Title);
        Assert.Equal(DocumentKind.Manual, updated.Kind);
        SqliteConnection.ClearAllPools();
        var reopened = new SqliteDocumentStore(new SqliteDatabase(_folder.File("kb.db")), new IdentitySegmenter());
        Assert.Equal("Gearbox datasheet", (await reopened.GetAsync(stored.Id))!.Title);
        Assert.Equal(["Gearbox datasheet > Ratings", "Gearbox datasheet", "other context"], (await reopened.GetChunksAsync(stored.Id)).Select(c => c.Context));
        using var connection = _database.Open();
        Assert.Equal(2L, Scalar(connection, "SELECT count(*) FROM chunks_fts WHERE chunks_fts MATCH 'context:Gearbox'"));
        Assert.Equal(0L, Scalar(connection, "SELECT count(*) FROM chunks_fts WHERE chunks_fts MATCH 'context:\"datasheet.pdf\"'"));
        // Citations read the title through the chunk search's join.
        var chunkId = (await reopened.GetChunksAsync(stored.Id))[0].Id;
        var chunk = Assert.Single(await new SqliteChunkSearch(_database).GetChunksAsync([chunkId], SearchFilter.None));
        Assert.Equal("Gearbox datasheet", chunk.Title);
    }

    [Fact]
    public async Task RevisingARevision_MakesTheOtherCurrentOrSuperseded()
    {
        var a = await _store.SaveAsync(Doc("card-a.md", "JD-1", "A", kind: DocumentKind.ProcessCard), Chunks("x"));
        var b = await _store.SaveAsync(Doc("card-b.md", "JD-1", "B", kind: DocumentKind.ProcessCard), Chunks("y"));
        Assert.True((await _store.GetAsync(a.Id))!.Superseded);

        // A was in truth revision C: it becomes current and B superseded.
        await _store.UpdateMetadataAsync(a.Id, DocumentMetadata.Create(a.Title, "JD-1", "C", DocumentKind.ProcessCard));
        Assert.False((await _store.GetAsync(a.Id))!.Superseded);
        Assert.True((await _store.GetAsync(b.Id))!.Superseded);

        // And back: as A again it is superseded by B once more.
        await _store.UpdateMetadataAsync(a.Id, DocumentMetadata.Create(a.Title, "JD-1", "A", DocumentKind.ProcessCard));
        Assert.True((await _store.GetAsync(a.Id))!.Superseded);
        Assert.False((await _store.GetAsync(b.Id))!.Superseded);
    }

    [Fact]
    public async Task ChangingTheIdentity_ReMarksTheGroupLeftAndTheGroupJoined()
    {
        var a = await _store.SaveAsync(Doc("a.md", "JD-1", "A", kind: DocumentKind.ProcessCard), Chunks("x"));
        var b = await _store.SaveAsync(Doc("b.md", "JD-1", "B", kind: DocumentKind.ProcessCard), Chunks("y"));
        var c = await _store.SaveAsync(Doc("c.md", "JD-2", "A", kind: DocumentKind.ProcessCard), Chunks("z"));
        var elsewhere = await _store.SaveAsync(Doc("d.md", "JD-2", "A", library: "line-b", kind: DocumentKind.ProcessCard), Chunks("w"));

        // B was filed under the wrong part number: JD-1 keeps only A (now current), JD-2 gets B over its A.
        var moved = await _store.UpdateMetadataAsync(b.Id, DocumentMetadata.Create(b.Title, " JD-2 ", "B", DocumentKind.ProcessCard));

        Assert.Equal("JD-2", moved!.Identity);
        Assert.False(moved.Superseded);
        Assert.False((await _store.GetAsync(a.Id))!.Superseded);
        Assert.True((await _store.GetAsync(c.Id))!.Superseded);
        Assert.False((await _store.GetAsync(elsewhere.Id))!.Superseded);

        // Leaving every group (no identity): nothing supersedes it, and JD-2's A is current again.
        var alone = await _store.UpdateMetadataAsync(b.Id, DocumentMetadata.Create(b.Title, "", null, DocumentKind.ProcessCard));
        Assert.Null(alone!.Identity);
        Assert.Null(alone.Revision);
        Assert.False(alone.Superseded);
        Assert.False((await _store.GetAsync(c.Id))!.Superseded);
    }

    [Fact]
    public async Task ChangingTheKind_MovesTheDocumentToThatKindsGroup()
    {
        var standard = await _store.SaveAsync(Doc("q-2021.md", "Q/JD 105", year: 2021, kind: DocumentKind.Standard), Chunks("x"));
        var filedAsOther = await _store.SaveAsync(Doc("q-2026.md", "Q/JD 105", year: 2026), Chunks("y"));
        Assert.False((await _store.GetAsync(standard.Id))!.Superseded);

        var fixedKind = await _store.UpdateMetadataAsync(filedAsOther.Id, DocumentMetadata.Create(filedAsOther.Title, "Q/JD 105", "2026", DocumentKind.Standard));

        Assert.Equal("2026", fixedKind!.Revision);
        Assert.Equal(2026, fixedKind.RevisionYear);
        Assert.True((await _store.GetAsync(standard.Id))!.Superseded);
        Assert.False(fixedKind.Superseded);
    }

    [Theory]
    [InlineData("", null, null, DocumentKind.Other, MetadataField.Title, MetadataReason.Required)]
    [InlineData("   ", null, null, DocumentKind.Other, MetadataField.Title, MetadataReason.Required)]
    [InlineData("ok", null, null, "datasheet", MetadataField.Kind, MetadataReason.UnknownKind)]
    [InlineData("ok", null, "A\nB", DocumentKind.Other, MetadataField.Revision, MetadataReason.InvisibleCharacters)]
    public async Task BadInput_IsRefusedNamingTheField_AndNothingChanges(string title, string? identity, string? revision, string kind,
        MetadataField field, MetadataReason reason)
    {
        var stored = await _store.SaveAsync(Doc("a.md", "JD-1", "A"), Chunks("x"));
        var metadata = DocumentMetadata.Create(title, identity, revision, kind);
        Assert.Contains(new MetadataProblem(field, reason), metadata.Problems());

        var error = await Assert.ThrowsAsync<ArgumentException>(() => _store.UpdateMetadataAsync(stored.Id, metadata));

        Assert.Contains($"field '{field.ToString().ToLowerInvariant()}'", error.Message, StringComparison.Ordinal);
        var after = (await _store.GetAsync(stored.Id))!;
        Assert.Equal((stored.Title, stored.Identity, stored.Revision, stored.Kind, stored.UpdatedAt), (after.Title, after.Identity, after.Revision, after.Kind, after.UpdatedAt));
    }

    [Fact]
    public async Task TooLongFields_AreRefusedWithTheirLimits()
    {
        var stored = await _store.SaveAsync(Doc("a.md"), Chunks("x"));
        var metadata = DocumentMetadata.Create(new string('标', DocumentMetadata.MaxTitleLength + 1),
            new string('J', DocumentMetadata.MaxIdentityLength + 1), new string('A', DocumentMetadata.MaxRevisionLength + 1), DocumentKind.Other);

        Assert.Equal([
            new MetadataProblem(MetadataField.Title, MetadataReason.TooLong, DocumentMetadata.MaxTitleLength),
            new MetadataProblem(MetadataField.Identity, MetadataReason.TooLong, DocumentMetadata.MaxIdentityLength),
            new MetadataProblem(MetadataField.Revision, MetadataReason.TooLong, DocumentMetadata.MaxRevisionLength),
        ], metadata.Problems());
        await Assert.ThrowsAsync<ArgumentException>(() => _store.UpdateMetadataAsync(stored.Id, metadata));
        Assert.Equal("a.md", (await _store.GetAsync(stored.Id))!.Title);
    }

    [Fact]
    public async Task UnknownDocument_IsNull()
    {
        Assert.Null(await _store.UpdateMetadataAsync(404, DocumentMetadata.Create("t", null, null, DocumentKind.Other)));
    }
}
