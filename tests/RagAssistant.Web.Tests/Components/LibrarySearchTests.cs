using Microsoft.Extensions.DependencyInjection;
using RagAssistant.Core.Access;
using RagAssistant.Web.Components.Library;
using RagAssistant.Web.Ingestion;
using RagAssistant.Web.Tests.EndToEnd;

namespace RagAssistant.Web.Tests.Components;

/// <summary>
/// The library page's search in the text, on the app's real store and keyword index: numbers and Chinese words are found
/// in the text, and only in libraries the caller may read.
/// </summary>
[Collection(SmallWebAppCollection.Name)]
public sealed class LibrarySearchTests(SmallWebAppFixture app)
{
    [Fact]
    public async Task Search_FindsANumberAndAWordOfTheText_OnlyWithinReadableLibraries()
    {
        var library = $"cells-{Guid.NewGuid():N}"[..14];
        var name = $"cell-{Guid.NewGuid():N}.md";
        var writes = app.App.Services.GetRequiredService<DocumentWrites>();
        var job = await writes.UploadAsync(AccessScope.LocalOperator, name,
            "# 电芯规格\n\n## 1 基本参数\n\n电池重量 3380±50 g，出厂前须做回火处理后的外观检验。\n"u8.ToArray(), library);
        await app.App.SettleAsync();
        var id = app.App.Queue.Find(job.Id)!.DocumentId!.Value;
        var knowledgeBase = app.App.Services.GetRequiredService<ProtectedKnowledgeBase>();

        foreach (var text in new[] { "3380", "回火" })
        {
            var hit = Assert.Single(await LibrarySearch.FindAsync(knowledgeBase, new AccessScope("reader", [library], []), text), h => h.DocumentId == id);
            Assert.Contains(text, hit.Snippet.Parts.Where(p => p.Marked).Select(p => p.Text));
            Assert.DoesNotContain(await LibrarySearch.FindAsync(knowledgeBase, new AccessScope("other", ["default"], []), text), h => h.DocumentId == id);
        }
        Assert.Empty(await LibrarySearch.FindAsync(knowledgeBase, AccessScope.LocalOperator, new string('3', LibrarySearch.MaxLength + 1)));
    }
}
