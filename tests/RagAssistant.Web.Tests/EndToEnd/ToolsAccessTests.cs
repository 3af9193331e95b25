using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RagAssistant.Core.Access;
using RagAssistant.Web.Feedback;
using RagAssistant.Web.Tests.EndToEnd.Pages;

namespace RagAssistant.Web.Tests.EndToEnd;

/// <summary>Who may open the tools pages: a Reader neither; an Editor the retrieval test, over the libraries they may read only.</summary>
[Collection(AccessWebAppCollection.Name)]
public sealed class ToolsAccessTests(AccessWebAppFixture app, BrowserFixture browser) : AccessBrowserTest(app, browser)
{
    [SkippableFact]
    public async Task Reader_MayOpenNeitherToolsPage_NorExportFeedback()
    {
        var (user, password) = await App.AddUserAsync("toolreader", readable: AccessWebAppFixture.LineA);
        await SignInAsync(user, password);

        foreach (var path in new[] { "/retrieval", "/admin/feedback" })
        {
            await Page.GotoAsync(path);
            Assert.Contains("/Account/AccessDenied", Page.Url, StringComparison.Ordinal);
            await Expect(Page.GetByTestId("access-denied")).ToBeVisibleAsync();
        }
        var export = await Page.APIRequest.GetAsync("/api/feedback/export");
        Assert.Equal((int)HttpStatusCode.Forbidden, export.Status);
    }

    [SkippableFact]
    public async Task Editor_RetrievesOnlyFromTheLibrariesTheyMayRead_AndMayNotReviewFeedback()
    {
        var (user, password) = await App.AddEditorAsync("tooleditor", AccessWebAppFixture.LineA);
        await SignInAsync(user, password);
        var page = new RetrievalTestPage(Page, Circuit);
        await page.OpenAsync();

        var options = await page.Library.Locator("option").EvaluateAllAsync<string[]>("os => os.map(o => o.value)");
        Assert.Equal(["", AccessWebAppFixture.LineA], options);
        // Both cards answer "主轴转速"; only the line-a card may come back.
        await page.RetrieveAsync("主轴转速 工序卡");
        await Expect(page.Results.First).ToBeVisibleAsync();
        await Expect(page.Results.Filter(new() { HasText = "KX-7730-0042" })).ToHaveCountAsync(0);
        await Expect(page.Results.Filter(new() { HasText = "JD-2105-0318" }).First).ToBeVisibleAsync();

        await Page.GotoAsync("/admin/feedback");
        Assert.Contains("/Account/AccessDenied", Page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FeedbackReview_RefusesAnyoneButAnAdministrator()
    {
        var review = App.Services.GetRequiredService<FeedbackReview>();
        var editor = new AccessScope("someeditor", [AccessWebAppFixture.LineA], [AccessWebAppFixture.LineA]);

        Assert.Empty(await review.ListAsync(editor));
        Assert.Empty(await review.SearchAsync(editor, "主轴转速"));
        Assert.Empty(await review.ExportAsync(editor));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => review.UnmarkAsync(editor, 1));
        Assert.NotEmpty(await review.SearchAsync(AccessScope.LocalOperator, "主轴转速"));
    }
}
