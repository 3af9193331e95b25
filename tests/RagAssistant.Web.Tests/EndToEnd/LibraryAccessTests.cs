using System.Net;
using System.Text;
using Microsoft.Playwright;
using RagAssistant.Web.Tests.EndToEnd.Pages;
using RagAssistant.Web.Tests.Hosting;

namespace RagAssistant.Web.Tests.EndToEnd;

/// <summary>A Reader sees, asks and uploads only as their grants allow; a grant given on the admin page applies at once.</summary>
[Collection(AccessWebAppCollection.Name)]
public sealed class LibraryAccessTests(AccessWebAppFixture app, BrowserFixture browser) : AccessBrowserTest(app, browser)
{
    private const string FlangeQuestion = "KX-7730-0042 第40工序铰孔转速是多少？";

    [SkippableFact]
    public async Task Reader_MayNotUploadNorAdminister()
    {
        var (user, password) = await App.AddUserAsync("reader", readable: AccessWebAppFixture.LineA);
        await SignInAsync(user, password);

        var library = new LibraryPage(Page, Circuit);
        await library.OpenAsync();
        await Expect(library.DocumentRow(AccessWebAppFixture.ShaftCard)).ToHaveCountAsync(1);
        await Expect(library.DocumentRow(AccessWebAppFixture.FlangeCard)).ToHaveCountAsync(0);
        await Expect(Page.GetByTestId("dropzone")).ToHaveCountAsync(0);
        await Expect(library.UploadInput).ToHaveCountAsync(0);
        await Expect(Page.GetByTestId("nav-admin")).ToHaveCountAsync(0);
        await Expect(library.NavStatus).ToHaveCountAsync(0);

        // The API refuses the upload, whether the browser's sign-in cookie or the reader's API key comes with it.
        var form = Page.APIRequest.CreateFormData();
        form.Append("library", AccessWebAppFixture.LineA);
        form.Append("file", new FilePayload { Name = "note.md", MimeType = "text/markdown", Buffer = Encoding.UTF8.GetBytes("# note\n\ntext\n") });
        var upload = await Page.APIRequest.PostAsync("/api/documents", new() { Multipart = form });
        Assert.Equal((int)HttpStatusCode.Forbidden, upload.Status);
        using (var client = App.App.CreateClientWithKey(App.App.CreateApiKey(user)))
        using (var content = new MultipartFormDataContent { { new StringContent(AccessWebAppFixture.LineA), "library" }, { new StringContent("# note\n"), "file", "note.md" } })
        using (var response = await client.PostAsync("/api/documents", content))
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);

        await Page.GotoAsync("/admin");
        Assert.Contains("/Account/AccessDenied", Page.Url, StringComparison.Ordinal);
        await Expect(Page.GetByTestId("access-denied")).ToBeVisibleAsync();
    }

    [SkippableFact]
    public async Task UserWithoutAnyGrant_IsToldWhyNothingWillBeFound()
    {
        var (user, password) = await App.AddUserAsync("newcomer");
        await SignInAsync(user, password);
        var ask = new AskPage(Page, Circuit);
        await ask.OpenAsync();

        await Expect(Page.GetByTestId("no-libraries")).ToBeVisibleAsync();
    }

    [SkippableFact]
    public async Task Reader_FindsTheOtherLineOnlyOnceTheAdminGrantsIt()
    {
        var (user, password) = await App.AddUserAsync("asker", readable: AccessWebAppFixture.LineA);
        await SignInAsync(user, password);
        var ask = new AskPage(Page, Circuit);
        await ask.OpenAsync();

        var before = await ask.AskAsync(FlangeQuestion);

        await Expect(before.InsufficientEvidence).ToBeVisibleAsync();
        await Expect(before.CitationChips.Filter(new() { HasText = "KX-7730-0042" })).ToHaveCountAsync(0);
        Assert.DoesNotContain("120", await before.Root.InnerTextAsync(), StringComparison.Ordinal);

        // The administrator, in a browser of their own, grants the reader line-b on the admin page.
        await using (var adminContext = await NewContextAsync())
        {
            var adminPage = await adminContext.NewPageAsync();
            await new SignInPage(adminPage).SignInAsync(HostedApp.AdminUser, HostedApp.AdminPassword);
            var admin = new AdminPage(adminPage, new BlazorCircuit(adminPage));
            await admin.OpenAsync();
            await admin.TabAsync("libraries");
            await admin.GrantUserAsync(AccessWebAppFixture.LineB, user);
            await Assertions.Expect(admin.LibraryRow(AccessWebAppFixture.LineB).Locator($"[data-grant='user:{user}:read']")).ToBeVisibleAsync();
        }

        await ask.NewConversation.ClickAsync();
        await Expect(ask.Turns).ToHaveCountAsync(0);
        var after = await ask.AskAsync(FlangeQuestion);

        await Expect(after.CitationChips.Filter(new() { HasText = "KX-7730-0042" }).First).ToBeVisibleAsync();
        await Expect(after.AnswerText).ToContainTextAsync("120");
    }
}
