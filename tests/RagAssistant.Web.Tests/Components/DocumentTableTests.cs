using Bunit;
using RagAssistant.Core.Access;
using RagAssistant.Core.Documents;
using RagAssistant.Web.Components.Library;
using RagAssistant.Web.Localization;

namespace RagAssistant.Web.Tests.Components;

public sealed class DocumentTableTests : ComponentTest
{
    private const string ServerPath = "/srv/plant/docs/Q-JD-105-2026_热处理通用技术条件.md";

    [Fact]
    public void Row_ShowsTheFileName_NeverTheServerPath()
    {
        var table = Render([Document(1, "line-a")], new Dictionary<long, ContentHit>(), new AccessScope("admin", null, null, IsAdministrator: true));

        Assert.Equal("Q-JD-105-2026_热处理通用技术条件.md", table.Find("[data-testid=document-file]").TextContent);
        Assert.DoesNotContain("/srv/plant", table.Markup, StringComparison.Ordinal);
        Assert.Contains("标准", table.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain(">standard<", table.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void ContentHit_StandsUnderItsRow_WithTheMatchMarked_AndLinksToTheDocument()
    {
        var hit = new ContentHit(7, 70, 3, "table 2 row 6", Snippet.Of("淬火后应及时回火，回火温度 550℃。", ["回火"]));
        var table = Render([Document(7, "default")], new Dictionary<long, ContentHit> { [7] = hit }, new AccessScope("reader", null, []));

        var shown = table.Find("[data-testid=content-hit]");
        Assert.Equal(["回火", "回火"], shown.QuerySelectorAll("mark").Select(m => m.TextContent));
        Assert.Equal("/library/7", shown.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("第3页 · 表2 第6行", shown.TextContent, StringComparison.Ordinal);
        Assert.Empty(table.FindAll("[data-testid=delete]"));
    }

    [Fact]
    public void Actions_AppearWhereTheViewerMayWrite()
    {
        var table = Render([Document(1, "line-a"), Document(2, "line-b")], new Dictionary<long, ContentHit>(), new AccessScope("editor", null, ["line-b"]));

        Assert.Single(table.FindAll("[data-testid=delete]"));
        Assert.Single(table.FindAll("[data-testid=reindex]"));
    }

    [Fact]
    public void NoDocuments_SaysSo()
    {
        var table = Render([], new Dictionary<long, ContentHit>(), new AccessScope("reader", null, []), UiText.English);

        Assert.Equal("No matching documents", table.Find("[data-testid=no-documents]").TextContent);
    }

    [Theory]
    [InlineData(UiLanguages.Chinese, "第一页", "上一页", "下一页", "最后一页")]
    [InlineData(UiLanguages.English, "First page", "Previous page", "Next page", "Last page")]
    public void Pager_LabelsItsButtons_InTheUiLanguage(string language, string first, string previous, string next, string last)
    {
        var table = Render([Document(1, "line-a")], new Dictionary<long, ContentHit>(), new AccessScope("reader", null, []), UiText.For(language));

        Assert.Equal([first, previous, next, last], table.FindAll(".mud-table-pagination-actions button").Select(b => b.GetAttribute("aria-label")));
    }

    private IRenderedComponent<DocumentTable> Render(IReadOnlyList<StoredDocument> documents, IReadOnlyDictionary<long, ContentHit> hits, AccessScope scope, UiText? text = null) =>
        RenderWithText<DocumentTable>(p => p.Add(t => t.Documents, documents).Add(t => t.Hits, hits).Add(t => t.Scope, scope), text);

    private static StoredDocument Document(long id, string library) => new()
    {
        Id = id, Library = library, Source = ServerPath, FileName = Path.GetFileName(ServerPath), Title = "热处理通用技术条件",
        Kind = "standard", Identity = "Q/JD 105", Revision = "2026", Sha256 = "00", Size = 100, ContentType = "text/markdown",
        Status = "ready", Chunks = 12,
    };
}
