using RagAssistant.Core.Documents;
using RagAssistant.Core.Search;
using static RagAssistant.Testing.StoreSamples;

namespace RagAssistant.Storage.Contract.Tests;

/// <summary>A person corrects a document's title, identity, revision or kind (issue #26 item 5).</summary>
public abstract class DocumentMetadataContract<TEngine> : StoreContract<TEngine> where TEngine : IStoreEngine
{
    [SkippableFact]
    public async Task Retitle_Persists_AndChunkContextsAndTheirKeywordIndexFollow()
    {
        var kb = await OpenAsync();
        var stored = await kb.Documents.SaveAsync(Doc("datasheet.pdf"), [
            new ChunkDraft(0, "spindle speed 950", "datasheet.pdf > Ratings", "1", 1, 3),
            new ChunkDraft(1, "feed 0.10", "datasheet.pdf", "2", 1, 3),
            new ChunkDraft(2, "coolant", "other context", "3", 1, 3),
        ]);

        var updated = await kb.Documents.UpdateMetadataAsync(stored.Id, DocumentMetadata.Create("  Gearbox datasheet ", null, null, DocumentKind.Manual));

        Assert.Equal("Gearbox datasheet", updated!.Title);
        Assert.Equal(DocumentKind.Manual, updated.Kind);
        var reopened = Keep(kb.Another());
        Assert.Equal("Gearbox datasheet", (await reopened.Documents.GetAsync(stored.Id))!.Title);
        Assert.Equal(["Gearbox datasheet > Ratings", "Gearbox datasheet", "other context"], (await reopened.Documents.GetChunksAsync(stored.Id)).Select(c => c.Context));
        // The keyword index follows: no chunk's text holds these words, so the hits are the contexts'.
        Assert.Equal(2, (await reopened.Search.KeywordSearchAsync("\"Gearbox\"", SearchFilter.None, 10)).Count);
        Assert.Empty(await reopened.Search.KeywordSearchAsync("\"datasheet.pdf\"", SearchFilter.None, 10));
        // Citations read the title through the chunk search's join.
        var chunkId = (await reopened.Documents.GetChunksAsync(stored.Id))[0].Id;
        var chunk = Assert.Single(await reopened.Search.GetChunksAsync([chunkId], SearchFilter.None));
        Assert.Equal("Gearbox datasheet", chunk.Title);
    }

    [SkippableFact]
    public async Task RevisingARevision_MakesTheOtherCurrentOrSuperseded()
    {
        var kb = await OpenAsync();
        var a = await kb.Documents.SaveAsync(Doc("card-a.md", "JD-1", "A", kind: DocumentKind.ProcessCard), Chunks("x"));
        var b = await kb.Documents.SaveAsync(Doc("card-b.md", "JD-1", "B", kind: DocumentKind.ProcessCard), Chunks("y"));
        Assert.True((await kb.Documents.GetAsync(a.Id))!.Superseded);

        // A was in truth revision C: it becomes current and B superseded.
        await kb.Documents.UpdateMetadataAsync(a.Id, DocumentMetadata.Create(a.Title, "JD-1", "C", DocumentKind.ProcessCard));
        Assert.False((await kb.Documents.GetAsync(a.Id))!.Superseded);
        Assert.True((await kb.Documents.GetAsync(b.Id))!.Superseded);

        // And back: as A again it is superseded by B once more.
        await kb.Documents.UpdateMetadataAsync(a.Id, DocumentMetadata.Create(a.Title, "JD-1", "A", DocumentKind.ProcessCard));
        Assert.True((await kb.Documents.GetAsync(a.Id))!.Superseded);
        Assert.False((await kb.Documents.GetAsync(b.Id))!.Superseded);
    }

    [SkippableFact]
    public async Task ChangingTheIdentity_ReMarksTheGroupLeftAndTheGroupJoined()
    {
        var kb = await OpenAsync();
        var a = await kb.Documents.SaveAsync(Doc("a.md", "JD-1", "A", kind: DocumentKind.ProcessCard), Chunks("x"));
        var b = await kb.Documents.SaveAsync(Doc("b.md", "JD-1", "B", kind: DocumentKind.ProcessCard), Chunks("y"));
        var c = await kb.Documents.SaveAsync(Doc("c.md", "JD-2", "A", kind: DocumentKind.ProcessCard), Chunks("z"));
        var elsewhere = await kb.Documents.SaveAsync(Doc("d.md", "JD-2", "A", library: "line-b", kind: DocumentKind.ProcessCard), Chunks("w"));

        // B was filed under the wrong part number: JD-1 keeps only A (now current), JD-2 gets B over its A.
        var moved = await kb.Documents.UpdateMetadataAsync(b.Id, DocumentMetadata.Create(b.Title, " JD-2 ", "B", DocumentKind.ProcessCard));

        Assert.Equal("JD-2", moved!.Identity);
        Assert.False(moved.Superseded);
        Assert.False((await kb.Documents.GetAsync(a.Id))!.Superseded);
        Assert.True((await kb.Documents.GetAsync(c.Id))!.Superseded);
        Assert.False((await kb.Documents.GetAsync(elsewhere.Id))!.Superseded);

        // Leaving every group (no identity): nothing supersedes it, and JD-2's A is current again.
        var alone = await kb.Documents.UpdateMetadataAsync(b.Id, DocumentMetadata.Create(b.Title, "", null, DocumentKind.ProcessCard));
        Assert.Null(alone!.Identity);
        Assert.Null(alone.Revision);
        Assert.False(alone.Superseded);
        Assert.False((await kb.Documents.GetAsync(c.Id))!.Superseded);
    }

    [SkippableFact]
    public async Task ChangingTheKind_MovesTheDocumentToThatKindsGroup()
    {
        var kb = await OpenAsync();
        var standard = await kb.Documents.SaveAsync(Doc("q-2021.md", "Q/JD 105", year: 2021, kind: DocumentKind.Standard), Chunks("x"));
        var filedAsOther = await kb.Documents.SaveAsync(Doc("q-2026.md", "Q/JD 105", year: 2026), Chunks("y"));
        Assert.False((await kb.Documents.GetAsync(standard.Id))!.Superseded);

        var fixedKind = await kb.Documents.UpdateMetadataAsync(filedAsOther.Id, DocumentMetadata.Create(filedAsOther.Title, "Q/JD 105", "2026", DocumentKind.Standard));

        Assert.Equal("2026", fixedKind!.Revision);
        Assert.Equal(2026, fixedKind.RevisionYear);
        Assert.True((await kb.Documents.GetAsync(standard.Id))!.Superseded);
        Assert.False(fixedKind.Superseded);
    }

    [SkippableTheory]
    [InlineData("", null, null, DocumentKind.Other, MetadataField.Title, MetadataReason.Required)]
    [InlineData("   ", null, null, DocumentKind.Other, MetadataField.Title, MetadataReason.Required)]
    [InlineData("ok", null, null, "datasheet", MetadataField.Kind, MetadataReason.UnknownKind)]
    [InlineData("ok", null, "A\nB", DocumentKind.Other, MetadataField.Revision, MetadataReason.InvisibleCharacters)]
    public async Task BadInput_IsRefusedNamingTheField_AndNothingChanges(string title, string? identity, string? revision, string kind,
        MetadataField field, MetadataReason reason)
    {
        var kb = await OpenAsync();
        var stored = await kb.Documents.SaveAsync(Doc("a.md", "JD-1", "A"), Chunks("x"));
        var metadata = DocumentMetadata.Create(title, identity, revision, kind);
        Assert.Contains(new MetadataProblem(field, reason), metadata.Problems());

        var error = await Assert.ThrowsAsync<ArgumentException>(() => kb.Documents.UpdateMetadataAsync(stored.Id, metadata));

        Assert.Contains($"field '{field.ToString().ToLowerInvariant()}'", error.Message, StringComparison.Ordinal);
        var after = (await kb.Documents.GetAsync(stored.Id))!;
        Assert.Equal((stored.Title, stored.Identity, stored.Revision, stored.Kind, stored.UpdatedAt), (after.Title, after.Identity, after.Revision, after.Kind, after.UpdatedAt));
    }

    [SkippableFact]
    public async Task TooLongFields_AreRefusedWithTheirLimits()
    {
        var kb = await OpenAsync();
        var stored = await kb.Documents.SaveAsync(Doc("a.md"), Chunks("x"));
        var metadata = DocumentMetadata.Create(new string('标', DocumentMetadata.MaxTitleLength + 1),
            new string('J', DocumentMetadata.MaxIdentityLength + 1), new string('A', DocumentMetadata.MaxRevisionLength + 1), DocumentKind.Other);

        Assert.Equal([
            new MetadataProblem(MetadataField.Title, MetadataReason.TooLong, DocumentMetadata.MaxTitleLength),
            new MetadataProblem(MetadataField.Identity, MetadataReason.TooLong, DocumentMetadata.MaxIdentityLength),
            new MetadataProblem(MetadataField.Revision, MetadataReason.TooLong, DocumentMetadata.MaxRevisionLength),
        ], metadata.Problems());
        await Assert.ThrowsAsync<ArgumentException>(() => kb.Documents.UpdateMetadataAsync(stored.Id, metadata));
        Assert.Equal("a.md", (await kb.Documents.GetAsync(stored.Id))!.Title);
    }

    [SkippableFact]
    public async Task UnknownDocument_IsNull()
    {
        var kb = await OpenAsync();
        Assert.Null(await kb.Documents.UpdateMetadataAsync(404, DocumentMetadata.Create("t", null, null, DocumentKind.Other)));
    }
}

public sealed class SqliteDocumentMetadataContract : DocumentMetadataContract<SqliteEngine>;

public sealed class PostgresDocumentMetadataContract : DocumentMetadataContract<PostgresEngine>;
