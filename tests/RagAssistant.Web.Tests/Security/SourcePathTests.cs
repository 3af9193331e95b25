using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RagAssistant.Accounts;
using RagAssistant.Core.Access;
using RagAssistant.Core.Storage;
using RagAssistant.Ingestion;
using RagAssistant.Testing;
using RagAssistant.Web.Ingestion;
using RagAssistant.Web.Tests.Hosting;

namespace RagAssistant.Web.Tests.Security;

/// <summary>
/// Issue #19: documents ingested from a server folder are stored under their absolute path (the key that replaces a
/// changed file). A Reader sees where a document is inside what was ingested — never the server's own path; an
/// administrator still sees the whole path.
/// </summary>
public sealed class SourcePathTests : IAsyncLifetime
{
    private readonly TempDirectory _data = new();
    private HostedApp _app = null!;

    public async Task InitializeAsync()
    {
        _data.WriteText("corpus/WI-AS-021_扭矩紧固.md", "# WI-AS-021 扭矩紧固作业指导书\n\n## 3 拧紧要求\n\n支架总成 M8×1.25 螺栓拧紧扭矩要求：25±2 N·m。\n");
        _app = new HostedApp(_data.File("rag.db"), _data.File("corpus"));
        await _app.SettleAsync();
        var stored = Assert.Single(await _app.Services.GetRequiredService<IDocumentStore>().ListAsync());
        Assert.StartsWith(_data.Path, stored.Source); // what this test is about: an absolute server path is stored
    }

    [Fact]
    public async Task ReaderListingDocuments_SeesTheFileName_NotTheServerPath()
    {
        using var reader = await ReaderAsync();

        var json = await reader.GetFromJsonAsync<JsonElement>("/api/documents");

        var source = Assert.Single(json.GetProperty("documents").EnumerateArray()).GetProperty("source").GetString()!;
        Assert.Equal("WI-AS-021_扭矩紧固.md", source);
    }

    [Fact]
    public async Task ReaderAsking_GetsCitationsWithoutTheServerPath()
    {
        using var reader = await ReaderAsync();

        using var response = await reader.PostAsJsonAsync("/api/ask", new { question = "M8 螺栓拧紧扭矩是多少？" });
        var stream = await response.Content.ReadAsStringAsync();

        Assert.Contains("\"source\":\"WI-AS-021_扭矩紧固.md\"", stream);
        Assert.DoesNotContain(_data.Path, stream);
    }

    [Fact]
    public async Task Administrator_StillSeesTheWholePath()
    {
        using var admin = _app.CreateClient();

        var json = await admin.GetFromJsonAsync<JsonElement>("/api/documents");

        Assert.StartsWith(_data.Path, Assert.Single(json.GetProperty("documents").EnumerateArray()).GetProperty("source").GetString());
    }

    [Fact]
    public async Task EditorReindexing_ReplacesTheDocumentUnderItsStoredPath_NotTheNameTheyWereShown()
    {
        var editor = new AccessScope("editor", [Libraries.Default], [Libraries.Default]);
        var knowledgeBase = _app.Services.GetRequiredService<ProtectedKnowledgeBase>();
        var shown = Assert.Single(await knowledgeBase.ListDocumentsAsync(editor));
        Assert.Equal("WI-AS-021_扭矩紧固.md", shown.Source);

        var job = await _app.Services.GetRequiredService<DocumentWrites>()
            .ReindexAsync(editor, shown, (await knowledgeBase.OpenOriginalAsync(editor, shown.Id))!);
        await _app.SettleAsync();

        Assert.Equal(FileStatus.Replaced, _app.Queue.Jobs.Single(j => j.Id == job!.Id).Outcome);
        Assert.StartsWith(_data.Path, Assert.Single(await _app.Services.GetRequiredService<IDocumentStore>().ListAsync()).Source);
    }

    /// <summary>A client with the API key of a new Reader of the default library.</summary>
    private async Task<HttpClient> ReaderAsync()
    {
        var name = $"reader-{Guid.NewGuid():N}"[..16];
        await _app.Services.GetRequiredService<UserAccounts>().AddAsync(name, "Reader", $"{name}-password-1", HostedApp.AdminUser);
        await _app.Services.GetRequiredService<LibraryAccess>().GrantAsync(Libraries.Default, GrantSubject.User, name, GrantAccess.Read, HostedApp.AdminUser);
        return _app.CreateClientWithKey(_app.CreateApiKey(name));
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _data.Dispose();
    }
}
