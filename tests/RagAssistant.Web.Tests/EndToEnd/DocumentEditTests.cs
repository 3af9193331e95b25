using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RagAssistant.Accounts;
using RagAssistant.Core.Documents;
using RagAssistant.Core.Storage;
using RagAssistant.Web.Tests.EndToEnd.Pages;

namespace RagAssistant.Web.Tests.EndToEnd;

/// <summary>
/// An Editor corrects a document's title on its page, and the library and new answers follow; a Reader gets no edit
/// button and the API refuses them (issue #26 item 5). At the workshop screen's size and, below, a phone's.
/// </summary>
[Collection(AccessWebAppCollection.Name)]
public class DocumentEditTests(AccessWebAppFixture app, BrowserFixture browser) : AccessBrowserTest(app, browser)
{
    private const string ShaftQuestion = "JD-2105-0318 第60工序精车外圆的主轴转速是多少？";

    [SkippableFact]
    public async Task Editor_RenamesADocument_AndTheLibraryAndANewAnswerShowTheNewTitle()
    {
        var (user, password) = await App.AddEditorAsync("editor", AccessWebAppFixture.LineA);
        var original = await StoredAsync(App.CardA);
        var title = $"输出轴工序卡 {Guid.NewGuid().ToString("N")[..6]}";
        try
        {
            await SignInAsync(user, password);
            var page = new DocumentPage(Page, Circuit);
            await page.OpenAsync(App.CardA);
            await page.EditButton.ClickAsync();

            // An empty title is refused, naming the field.
            await page.TitleInput.FillAsync("");
            await Expect(page.TitleInput).ToHaveValueAsync("");
            await page.Save.ClickAsync();
            await Expect(page.EditErrors.First).ToContainTextAsync("标题");
            Assert.Equal(original.Title, (await StoredAsync(App.CardA)).Title);

            await page.TitleInput.FillAsync(title);
            await Expect(page.TitleInput).ToHaveValueAsync(title);
            await page.Save.ClickAsync();
            await Expect(page.Saved).ToBeVisibleAsync();
            await Expect(page.Title).ToHaveTextAsync(title);
            Assert.False(await page.ScrollsSidewaysAsync(), "the page scrolls sideways");
            var audit = await App.Services.GetRequiredService<AuditLog>().ListAsync(action: AuditActions.DocumentEdited);
            Assert.Contains(audit, e => e.Actor == user && e.Detail!.Contains($"title '{original.Title}' → '{title}'", StringComparison.Ordinal));

            var library = new LibraryPage(Page, Circuit);
            await library.OpenAsync();
            await Expect(library.DocumentRow(AccessWebAppFixture.ShaftCard)).ToContainTextAsync(title);

            var ask = new AskPage(Page, Circuit);
            await ask.OpenAsync();
            var turn = await ask.AskAsync(ShaftQuestion);
            var citation = (await AnswerLookup.ConversationAsync(App.Services, Page)).Turns.Single().Answer.Citations
                .FirstOrDefault(c => c.DocumentId == App.CardA);
            Assert.True(citation is not null, $"'{ShaftQuestion}' does not cite the shaft card");
            Assert.Equal(title, citation.Title);
            await turn.Chip(citation.N).ClickAsync();
            await Expect(ask.Source.Title).ToContainTextAsync(title);
        }
        finally
        {
            using var scope = App.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<IDocumentStore>().UpdateMetadataAsync(App.CardA,
                new DocumentMetadata(original.Title, original.Identity, original.Revision, original.Kind));
        }
    }

    [SkippableFact]
    public async Task Reader_SeesNoEditButton_AndTheApiRefusesTheirEdit()
    {
        var (user, password) = await App.AddUserAsync("reader", readable: AccessWebAppFixture.LineA);
        await SignInAsync(user, password);
        var page = new DocumentPage(Page, Circuit);
        await page.OpenAsync(App.CardA);

        await Expect(page.Title).ToBeVisibleAsync();
        await Expect(page.EditButton).ToHaveCountAsync(0);
        Assert.False(await page.ScrollsSidewaysAsync(), "the page scrolls sideways");

        using (var reader = App.App.CreateClientWithKey(App.App.CreateApiKey(user)))
        {
            using var forbidden = await reader.PatchAsJsonAsync($"/api/documents/{App.CardA}", new { title = "x" });
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
            // A document of a library they may not read is answered as missing.
            using var missing = await reader.PatchAsJsonAsync($"/api/documents/{App.CardB}", new { title = "x" });
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }
        using (var admin = App.App.CreateClient())
        {
            using var empty = await admin.PatchAsJsonAsync($"/api/documents/{App.CardA}", new { title = " ", kind = "datasheet" });
            Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
            var error = await empty.Content.ReadAsStringAsync();
            Assert.Contains("field 'title'", error, StringComparison.Ordinal);
            Assert.Contains("field 'kind'", error, StringComparison.Ordinal);
        }
        Assert.NotEqual("x", (await StoredAsync(App.CardA)).Title);
    }

    private async Task<StoredDocument> StoredAsync(long id)
    {
        using var scope = App.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<IDocumentStore>().GetAsync(id))!;
    }
}

/// <summary>The same on a phone (390×844).</summary>
[Collection(AccessWebAppCollection.Name)]
public sealed class DocumentEditPhoneTests(AccessWebAppFixture app, BrowserFixture browser) : DocumentEditTests(app, browser)
{
    protected override ViewportSize Viewport => new() { Width = 390, Height = 844 };
}
