using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RagAssistant.Accounts;
using RagAssistant.Core.Access;
using RagAssistant.Core.Answers;
using RagAssistant.Retrieval.Evaluation;
using RagAssistant.Web.Localization;
using RagAssistant.Web.Tests.EndToEnd.Pages;
using RagAssistant.Web.Tests.Hosting;

namespace RagAssistant.Web.Tests.EndToEnd;

/// <summary>
/// The feedback review page as an administrator uses it: a Reader's 👎 with a comment is listed; the administrator marks
/// the passage (found by the search box) and the expected value, and the export holds the question with that gold passage.
/// </summary>
[Collection(AccessWebAppCollection.Name)]
public class FeedbackReviewTests(AccessWebAppFixture app, BrowserFixture browser) : AccessBrowserTest(app, browser)
{
    private const string Question = "JD-2105-0318 第60工序转速是多少？";

    protected override (string User, string Password)? SignInAs => (HostedApp.AdminUser, HostedApp.AdminPassword);

    /// <summary>A Reader of line-a asks (server-side, as the Ask page does) and rates the answer 👎 with a comment; the turn's id.</summary>
    private async Task<(string User, long Turn)> DislikedAnswerAsync(string comment)
    {
        var (user, _) = await App.AddUserAsync("disliker", readable: AccessWebAppFixture.LineA);
        var scope = new AccessScope(user, [AccessWebAppFixture.LineA], []);
        var knowledgeBase = App.Services.GetRequiredService<ProtectedKnowledgeBase>();
        var answer = await knowledgeBase.AskAsync(scope, new AskRequest(Question));
        var conversation = await knowledgeBase.GetConversationAsync(scope, answer.ConversationId);
        var turn = conversation!.Turns[^1].Id;
        Assert.True(await knowledgeBase.SetFeedbackAsync(scope, answer.ConversationId, turn, -1, comment));
        return (user, turn);
    }

    [SkippableFact]
    public async Task DislikedAnswer_IsListed_MarkedFromASearch_AndExportedWithItsGoldPassage()
    {
        var comment = $"转速不对 {Guid.NewGuid():N}"[..12];
        var (user, turn) = await DislikedAnswerAsync(comment);
        var page = new FeedbackReviewPage(Page, Circuit);
        await page.OpenAsync();

        var item = page.Item(turn);
        await Expect(item.GetByTestId("feedback-question")).ToHaveTextAsync(Question);
        await Expect(item.GetByTestId("feedback-comment")).ToHaveTextAsync(comment);
        await Expect(item.GetByTestId("feedback-user")).ToContainTextAsync(user);
        await Expect(item).ToHaveAttributeAsync("data-marked", "false");

        // Saved with nothing chosen: the field and the reason are named.
        await item.GetByTestId("feedback-save").ClickAsync();
        await Expect(item.GetByTestId("feedback-problem").First).ToHaveTextAsync(UiText.Chinese.Tools.NoPassageChosen);

        await FeedbackReviewPage.Field(item, "feedback-search").FillAsync("精车外圆 Φ45h6");
        await item.GetByTestId("feedback-search-run").ClickAsync();
        var found = item.GetByTestId("feedback-results").GetByTestId("passage-choice").Filter(new() { HasText = "精车外圆" }).First;
        await found.GetByTestId("passage-choose").ClickAsync();
        await Expect(item.GetByTestId("feedback-chosen")).ToBeVisibleAsync();
        await FeedbackReviewPage.Field(item, "feedback-words").FillAsync("精车外圆 Φ45h6");
        await FeedbackReviewPage.Field(item, "feedback-expected").FillAsync("950");
        await item.GetByTestId("feedback-save").ClickAsync();

        await Expect(item).ToHaveAttributeAsync("data-marked", "true");
        var download = await Page.RunAndWaitForDownloadAsync(() => page.Export.ClickAsync());
        var path = Path.Combine(Path.GetTempPath(), $"feedback-{Guid.NewGuid():N}.jsonl");
        await download.SaveAsAsync(path);
        try
        {
            var question = Assert.Single(EvalRunner.ReadQuestions(path), q => q.Id == $"fb-{turn}");
            Assert.Equal((Question, "dev"), (question.Question, question.Split));
            var gold = Assert.Single(question.Gold);
            Assert.Equal((AccessWebAppFixture.ShaftCard, "精车外圆 Φ45h6"), (gold.Source, gold.Contains));
            Assert.Equal(["950"], question.AnswerContains);
        }
        finally
        {
            File.Delete(path);
        }
        var audit = await App.Services.GetRequiredService<AuditLog>().ListAsync(50, AuditActions.FeedbackMarked);
        Assert.Contains(audit, e => e.Actor == HostedApp.AdminUser && e.Target == $"turn {turn}");
        await AfterMarkAsync();
    }

    /// <summary>What a viewport adds to the test, once the page is drawn.</summary>
    protected virtual Task AfterMarkAsync() => Task.CompletedTask;
}

/// <summary>The same on a phone: the page does not scroll sideways and its buttons are big enough to touch.</summary>
[Collection(AccessWebAppCollection.Name)]
public sealed class FeedbackReviewPhoneTests(AccessWebAppFixture app, BrowserFixture browser) : FeedbackReviewTests(app, browser)
{
    protected override ViewportSize Viewport => new() { Width = 390, Height = 844 };

    protected override Task AfterMarkAsync() => PhoneChecks.AssertFitsAsync(Page, ".rag-tools-touch, .rag-tools-select, .rag-tools .mud-input-outlined");
}
