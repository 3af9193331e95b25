using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RagAssistant.Accounts;
using RagAssistant.Core.Access;
using RagAssistant.Core.Search;
using RagAssistant.Core.Storage;
using RagAssistant.Core.Text;
using RagAssistant.Storage.Sqlite;
using RagAssistant.Testing;
using RagAssistant.Web.Tests.EndToEnd;
using RagAssistant.Web.Tests.Hosting;

namespace RagAssistant.Web.Tests.Security;

/// <summary>
/// Access on every retrieval path, through one long-lived app whose dense index is warm: a document deleted from one
/// library and another uploaded to a second library never share ids, the index notices every write, and every chunk
/// loaded after a search passes the reader's library filter again — so a Reader of "pub" never gets "secret" text,
/// however the writes were ordered.
/// </summary>
public sealed class SearchIndexAccessTests : IAsyncLifetime
{
    private const string Pub = "pub";
    private const string Secret = "secret";
    private const string SecretWords = "Launch code 7741 for the vault";

    private readonly TempDirectory _data = new();
    private HostedApp _app = null!;

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_data.File("corpus"));
        _app = new HostedApp(_data.File("rag.db"), _data.File("corpus"));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task DeletingPubsNewestDocument_ThenUploadingToSecret_NeverShowsSecretTextToAPubReader()
    {
        using var admin = _app.CreateClient();
        await UploadAsync(admin, Pub, "coolant.md", "# Coolant pump P-7\n\nThe coolant pump P-7 runs at 3 bar coolant pressure.");
        var reader = await ReaderOfPubAsync();
        using var readerClient = _app.CreateClientWithKey(_app.CreateApiKey(reader.User));
        // Warm the dense index with the pub document in it, as a running plant server would have it.
        Assert.Contains(await DenseSearchAsync(reader, "coolant pump pressure"), r => r.Chunk.Library == Pub);
        var pubDocument = (await DocumentsAsync()).Single(d => d.Library == Pub);

        Assert.True((await admin.DeleteAsync($"/api/documents/{pubDocument.Id}")).IsSuccessStatusCode);
        await UploadAsync(admin, Secret, "vault.md", $"# Vault\n\n{SecretWords}.");

        var secretDocument = (await DocumentsAsync()).Single(d => d.Library == Secret);
        Assert.True(secretDocument.Id > pubDocument.Id, $"the secret document reused id {secretDocument.Id} of the deleted pub document");
        // Every retrieval path: dense, keyword, hybrid (with evidence re-ordering), and hybrid with MMR.
        foreach (var options in new SearchOptions[] { new(Mode: RetrieverMode.Dense), new(Mode: RetrieverMode.Keyword), new(), new(Mmr: true) })
            Assert.DoesNotContain(await SearchAsync(reader, "coolant pump pressure", options), r => r.Chunk.Library != Pub);
        var answer = await AskAsync(readerClient, "What is the coolant pump pressure?");
        Assert.DoesNotContain("7741", answer.GetRawText(), StringComparison.Ordinal);
        Assert.All(answer.GetProperty("citations").EnumerateArray(), c => Assert.NotEqual(secretDocument.Id, c.GetProperty("documentId").GetInt64()));
    }

    [Fact]
    public async Task ReuploadingTheNewestDocumentWithTheSameChunkCount_IndexesItsNewVectors()
    {
        using var admin = _app.CreateClient();
        await UploadAsync(admin, Pub, "spindle.md", "# Spindle\n\nSpindle speed 950 r/min for finish turning.");
        var reader = await ReaderOfPubAsync();
        Assert.NotEmpty(await DenseSearchAsync(reader, "spindle speed"));

        await UploadAsync(admin, Pub, "spindle.md", "# Spindle\n\nFeed rate 0.2 mm/r for rough milling.");

        var dense = _app.Services.GetRequiredService<IDenseRetriever>();
        var vectors = _app.Services.GetRequiredService<IChunkVectorStore>();
        var results = await DenseSearchAsync(reader, "feed rate rough milling");
        var top = Assert.Single(results);
        Assert.Contains("Feed rate", top.Chunk.Text, StringComparison.Ordinal);
        var indexed = (await dense.GetVectorsAsync([top.Chunk.ChunkId]))[top.Chunk.ChunkId];
        var stored = await vectors.GetVectorAsync(top.Chunk.ChunkId);
        Assert.Equal(stored!.Values.ToArray(), indexed);
    }

    [Fact]
    public async Task WritesByAnotherProcess_AreSeenByTheNextSearch()
    {
        using var admin = _app.CreateClient();
        await UploadAsync(admin, Pub, "first.md", "# First\n\nHydraulic oil ISO VG 46 for the press.");
        var reader = await ReaderOfPubAsync();
        Assert.Single(await DenseSearchAsync(reader, "hydraulic oil"));

        // Another process (the rag command) writes the same file: no in-process event tells the app.
        var store = new SqliteDocumentStore(new SqliteDatabase(_data.File("rag.db")), new IdentitySegmenter());
        var document = (await store.ListAsync(Pub)).Single();
        Assert.True(await store.DeleteAsync(document.Id));

        Assert.Empty(await DenseSearchAsync(reader, "hydraulic oil"));
    }

    private async Task<(string User, AccessScope Scope)> ReaderOfPubAsync()
    {
        var name = $"reader{Guid.NewGuid():N}"[..14];
        await _app.Services.GetRequiredService<UserAccounts>().AddAsync(name, "Reader", $"{name}-password-1", HostedApp.AdminUser);
        await _app.Services.GetRequiredService<LibraryAccess>().GrantAsync(Pub, GrantSubject.User, name, GrantAccess.Read, HostedApp.AdminUser);
        return (name, new AccessScope(name, [Pub], []));
    }

    private Task<IReadOnlyList<SearchResult>> DenseSearchAsync((string User, AccessScope Scope) reader, string query) =>
        SearchAsync(reader, query, new SearchOptions(Mode: RetrieverMode.Dense));

    private async Task<IReadOnlyList<SearchResult>> SearchAsync((string User, AccessScope Scope) reader, string query, SearchOptions options)
    {
        var knowledgeBase = _app.Services.GetRequiredService<ProtectedKnowledgeBase>();
        var (_, results) = await knowledgeBase.SearchAsync(reader.Scope, query, options);
        return results;
    }

    private Task<IReadOnlyList<RagAssistant.Core.Documents.StoredDocument>> DocumentsAsync() =>
        _app.Services.GetRequiredService<IDocumentStore>().ListAsync();

    private async Task UploadAsync(HttpClient admin, string library, string fileName, string text)
    {
        await AccessWebAppFixture.UploadAsync(admin, library, fileName, text);
        await _app.SettleAsync();
    }

    private static async Task<JsonElement> AskAsync(HttpClient client, string question)
    {
        using var response = await client.PostAsJsonAsync("/api/ask", new { question });
        return (await ServerSentEvents.ReadAllAsync(response)).Single(e => e.Name == "done").Data;
    }
}
