using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RagAssistant.Core.Answers;
using RagAssistant.Core.Storage;
using RagAssistant.Web.Localization;
using RagAssistant.Web.Tests.EndToEnd.Pages;
using RagAssistant.Web.Tests.Hosting;

namespace RagAssistant.Web.Tests.EndToEnd;

/// <summary>
/// Conversations as people manage them, in a real browser on the workshop screen and (below) on a phone: rename then
/// search, export as Markdown, delete; regenerate and edit a question; the empty page's example questions. Each test
/// starts from a conversation written straight into the store, so it needs one page load and no model for the setup.
/// </summary>
public abstract class ConversationManagementPageTests(SmallWebAppFixture app, BrowserFixture browser) : SmallAppBrowserTest(app, browser)
{
    private const string Question = "M8 螺栓拧紧扭矩是多少？";
    private static readonly ConversationText Zh = UiText.Chinese.Chat;

    [SkippableFact]
    public async Task RenameThenSearch_FindsIt_ExportDownloadsMarkdownWithSources_DeleteRemovesIt()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var answerWord = "核对" + Guid.NewGuid().ToString("N")[..6];
        var id = await SeedAsync("待整理", $"支架总成 M8×1.25 螺栓拧紧扭矩为 25±2 N·m [1]。{answerWord}");
        var ask = new AskPage(Page, Circuit);
        var list = new ConversationListPanel(Page);
        await ask.OpenAsync($"/c/{id}");
        await AssertFitsTheScreenAsync();

        // Rename: an empty title is refused, naming the field; a good one replaces the old.
        await list.ChooseAsync(id, "conversation-rename");
        await list.RenameInput.FillAsync(" ");
        await list.RenameSave.ClickAsync();
        await Expect(list.Item(id)).ToContainTextAsync(Zh.TitleEmpty);
        var title = $"扭矩核对 {tag}";
        await list.RenameInput.FillAsync(title);
        await list.RenameSave.ClickAsync();
        await Expect(list.Title(id)).ToHaveTextAsync(title);

        // Search by the new title, then by a word only its answer has.
        await list.ShowAsync();
        await list.Search.FillAsync(tag);
        await Expect(list.Items).ToHaveCountAsync(1);
        await Expect(list.Items.First).ToHaveAttributeAsync("data-id", id);
        await list.Search.FillAsync(answerWord);
        await Expect(list.Items).ToHaveCountAsync(1);
        await Expect(list.Title(id)).ToHaveTextAsync(title);

        // Export: a Markdown file with the question, the answer and its numbered sources, by file name.
        var download = await Page.RunAndWaitForDownloadAsync(() => list.ChooseAsync(id, "conversation-export"));
        Assert.EndsWith(".md", download.SuggestedFilename, StringComparison.Ordinal);
        var markdown = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.StartsWith($"# {title}", markdown, StringComparison.Ordinal);
        Assert.Contains($"**问题**: {Question}", markdown, StringComparison.Ordinal);
        Assert.Contains("- [1] ", markdown, StringComparison.Ordinal);
        Assert.Contains($"文件 {SmallWebAppFixture.TorqueDocument}", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain(Path.GetDirectoryName((await TorqueDocumentAsync()).Source)!, markdown, StringComparison.Ordinal);

        // Delete the open conversation: confirmed, gone from the list and the store, and the page starts a new one.
        await list.ChooseAsync(id, "conversation-delete");
        await list.ConfirmDeleteAsync(Zh.Delete);
        await Expect(list.Item(id)).ToHaveCountAsync(0);
        await Expect(list.NoMatches).ToBeVisibleAsync();
        await Page.WaitForURLAsync(url => !url.Contains("/c/", StringComparison.Ordinal));
        await Expect(ask.Turns).ToHaveCountAsync(0);
        Assert.Null(await App.App.Services.GetRequiredService<IConversationStore>().GetAsync(id));
        await Expect(ask.CircuitError).ToBeHiddenAsync();
    }

    [SkippableFact]
    public async Task Regenerate_AddsAnAnswerBelow_AndEdit_PutsTheQuestionBackInTheBox()
    {
        var id = await SeedAsync("重新生成", "支架总成 M8×1.25 螺栓拧紧扭矩为 25±2 N·m [1]。");
        var ask = new AskPage(Page, Circuit);
        await ask.OpenAsync($"/c/{id}");
        await Expect(ask.Turns).ToHaveCountAsync(1);
        var first = new AnswerTurn(ask.Turns.First);
        await AssertTouchTargetAsync(first.Root.GetByTestId("regenerate"));
        await AssertTouchTargetAsync(first.Root.GetByTestId("edit-question"));
        // The same question in the same conversation: the model first rewrites it as a standalone query, then answers.
        App.Llm.EnqueueCompletion(Question);
        App.Llm.EnqueueStream("再次核对：", "M8×1.25 螺栓拧紧扭矩为 25±2 N·m [1]。");

        await first.Root.GetByTestId("regenerate").ClickAsync();

        await Expect(ask.Turns).ToHaveCountAsync(2);
        var second = new AnswerTurn(ask.Turns.Nth(1));
        await Expect(second.Question).ToHaveTextAsync(Question);
        await Expect(second.Finished).ToBeVisibleAsync();
        await Expect(second.AnswerText).ToContainTextAsync("再次核对");
        await Expect(first.AnswerText).ToContainTextAsync("支架总成"); // the old answer stays
        await Expect(first.Root.GetByTestId("regenerate")).ToHaveCountAsync(0); // only the last turn regenerates

        await first.Root.GetByTestId("edit-question").ClickAsync();

        await Expect(ask.QuestionBox).ToHaveValueAsync(Question);
        await Expect(ask.QuestionBox).ToBeFocusedAsync();
        await Expect(ask.Turns).ToHaveCountAsync(2);
    }

    [SkippableFact]
    public async Task EmptyPage_ShowsExampleQuestions_AndClickingOneAnswersIt()
    {
        var ask = new AskPage(Page, Circuit);
        await ask.OpenAsync();
        var examples = Page.GetByTestId("example-question");
        await Expect(examples.First).ToBeVisibleAsync();
        Assert.InRange(await examples.CountAsync(), 1, 5);
        await AssertFitsTheScreenAsync();
        await AssertTouchTargetAsync(examples.First);
        var example = (await examples.First.InnerTextAsync()).Trim();
        Assert.Contains("WI-", example, StringComparison.Ordinal); // drawn from the documents: both sample files are WI-…
        App.Llm.EnqueueStream("按 WI-AS-021 的要求拧紧 [1]。");

        await examples.First.ClickAsync();

        await Expect(ask.Turns).ToHaveCountAsync(1);
        var turn = new AnswerTurn(ask.LastTurn);
        await Expect(turn.Question).ToHaveTextAsync(example);
        await Expect(turn.Finished).ToBeVisibleAsync();
        await Expect(turn.AnswerText).ToContainTextAsync("按 WI-AS-021 的要求拧紧");
        await Expect(Page.GetByTestId("welcome")).ToHaveCountAsync(0);
    }

    [SkippableFact]
    public async Task EmptyPage_SaysFilesAreBeingImported_UntilTheyAreDone()
    {
        var ask = new AskPage(Page, Circuit);
        await ask.OpenAsync();
        var notice = Page.GetByTestId("ingestion-notice");
        await Expect(notice).ToHaveCountAsync(0);
        // A slow embedder keeps the file in the queue long enough to be seen.
        App.Embedder.Delay = TimeSpan.FromSeconds(2);
        try
        {
            using var admin = App.App.CreateClient();
            var name = $"WI-QC-{Guid.NewGuid():N}"[..14];
            await AccessWebAppFixture.UploadAsync(admin, "default", $"{name}.md", $"# {name} 导入提示\n\n## 1 说明\n\n用于验证导入提示。\n");

            await Expect(notice).ToContainTextAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, Zh.IngestingFormat, 1));
            await AssertFitsTheScreenAsync();
        }
        finally
        {
            App.Embedder.Delay = TimeSpan.Zero;
        }
        await Expect(notice).ToHaveCountAsync(0);
        await Expect(ask.CircuitError).ToBeHiddenAsync();
    }

    /// <summary>A conversation of the administrator (who the tests sign in as) with one answered turn citing the torque instruction.</summary>
    private async Task<string> SeedAsync(string title, string answer)
    {
        var store = App.App.Services.GetRequiredService<IConversationStore>();
        var document = await TorqueDocumentAsync();
        var chunk = (await App.App.Services.GetRequiredService<IDocumentStore>().GetChunksAsync(document.Id))[0];
        var id = await store.CreateAsync(title, HostedApp.AdminUser);
        await store.AddTurnAsync(id, Question, Question, new AnswerResult
        {
            Answer = answer, Mode = AnswerMode.Llm, ConversationId = id,
            Citations =
            [
                new Citation
                {
                    N = 1, ChunkId = chunk.Id, DocumentId = document.Id, Source = document.Source, Title = document.Title, Library = document.Library,
                    Identity = document.Identity, Revision = document.Revision, Page = chunk.Page, Locator = chunk.Locator, Text = chunk.Text,
                },
            ],
        });
        return id;
    }

    private async Task<Core.Documents.StoredDocument> TorqueDocumentAsync() =>
        (await App.App.Services.GetRequiredService<IDocumentStore>().ListAsync()).Single(d => d.FileName == SmallWebAppFixture.TorqueDocument);

    private async Task AssertFitsTheScreenAsync()
    {
        var sizes = await Page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        var (scrollWidth, width) = (sizes[0], sizes[1]);
        Assert.True(scrollWidth <= width, $"the page is {scrollWidth}px wide in a {width}px window");
    }

    /// <summary>On a phone, what a finger presses is at least 44 px tall.</summary>
    private async Task AssertTouchTargetAsync(ILocator target)
    {
        if (Viewport.Width > 600) return;
        var box = await target.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.Height >= 44, $"a touch target is {box.Height}px tall");
    }
}

/// <summary>The workshop screen, 1366×768.</summary>
[Collection(SmallWebAppCollection.Name)]
public sealed class ConversationManagementDesktopTests(SmallWebAppFixture app, BrowserFixture browser) : ConversationManagementPageTests(app, browser);

/// <summary>A phone, 390×844.</summary>
[Collection(SmallWebAppCollection.Name)]
public sealed class ConversationManagementPhoneTests(SmallWebAppFixture app, BrowserFixture browser) : ConversationManagementPageTests(app, browser)
{
    protected override ViewportSize Viewport => new() { Width = 390, Height = 844 };
}
