using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RagAssistant.Core.Answers;
using RagAssistant.Core.Documents;
using RagAssistant.Core.Text;
using RagAssistant.Testing;
using static RagAssistant.Storage.Sqlite.Tests.SqliteDocumentStoreTests;
using static RagAssistant.Testing.ConversationSamples;

namespace RagAssistant.Storage.Sqlite.Tests;

/// <summary>
/// What only the SQLite store shows of conversations: copies outliving the SQLite document store's documents, and the
/// registration. What every store does is the contract suite's (RagAssistant.Storage.Contract.Tests).
/// </summary>
public class SqliteConversationStoreTests : IDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly ManualTimeProvider _clock = new();
    private readonly SqliteDatabase _database;
    private readonly SqliteConversationStore _store;

    public SqliteConversationStoreTests()
    {
        _database = new SqliteDatabase(_folder.File("kb.db"));
        _store = new SqliteConversationStore(_database, _clock);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    [Fact]
    public async Task Citations_StillShowTheirTextAndBoxes_AfterTheDocumentIsReplacedOrDeleted()
    {
        var documents = new SqliteDocumentStore(_database, new IdentitySegmenter());
        var box = new PageBox(2, 50, 600, 400, 615);
        var document = await documents.SaveAsync(Doc("manuals/lathe.pdf", "WI-7", "A", library: "plant1"),
            [new ChunkDraft(0, "Spindle speed 950 rpm.", "Lathe > Speeds", "p. 2", 2, 4) { Boxes = [box] }]);
        var chunk = Assert.Single(await documents.GetChunksAsync(document.Id));
        var citation = new Citation
        {
            N = 1, ChunkId = chunk.Id, DocumentId = document.Id, Library = document.Library, Source = document.Source,
            Title = document.Title, Identity = document.Identity, Revision = document.Revision, Page = chunk.Page,
            Locator = chunk.Locator, Text = chunk.Text, Boxes = chunk.Boxes, Score = 0.9,
        };
        var id = await _store.CreateAsync("", "alice");
        await _store.AddTurnAsync(id, "Spindle speed?", "spindle speed", Answer("950 rpm [1]", citation));

        await documents.SaveAsync(Doc("manuals/lathe.pdf", "WI-7", "B", library: "plant1", sha: "sha-2"), Chunks("Spindle speed 1000 rpm."));
        AssertSameCitation(citation, Assert.Single(Assert.Single((await _store.GetAsync(id))!.Turns).Answer.Citations));

        Assert.True(await documents.DeleteAsync(document.Id));
        Assert.Empty(await documents.ListAsync());
        var shown = Assert.Single(Assert.Single((await _store.GetAsync(id))!.Turns).Answer.Citations);
        AssertSameCitation(citation, shown);
        Assert.Equal(("Spindle speed 950 rpm.", "plant1", "A"), (shown.Text, shown.Library, shown.Revision));
        Assert.Equal([box], shown.Boxes);
    }

    [Fact]
    public void AddRagStorage_RegistersTheConversationStore()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Rag:Storage:DatabasePath"] = _folder.File("di.db") })
            .Build();
        using var services = new ServiceCollection().AddRagStorage(configuration).BuildServiceProvider();
        Assert.IsType<SqliteConversationStore>(services.GetRequiredService<IConversationStore>());
    }
}
