using Microsoft.Playwright;
using RagAssistant.Web.Tests.EndToEnd.Pages;

namespace RagAssistant.Web.Tests.EndToEnd;

/// <summary>
/// The library's search in titles and text finds only what the reader may read: a reader of line-a finds the line-a
/// card by its text, and nothing of line-b's card — neither by its number nor by a word only its text holds.
/// <see cref="LibrarySearchAccessPhoneTests"/> runs it on a phone.
/// </summary>
[Collection(AccessWebAppCollection.Name)]
public class LibrarySearchAccessTests(AccessWebAppFixture app, BrowserFixture browser) : AccessBrowserTest(app, browser)
{
    [SkippableFact]
    public async Task Search_ShowsNothingOfALibraryTheReaderMayNotRead()
    {
        var (user, password) = await App.AddUserAsync("searcher", readable: AccessWebAppFixture.LineA);
        await SignInAsync(user, password);
        var library = new LibraryPage(Page, Circuit);
        await library.OpenAsync();

        // CK6150 (the lathe) stands only in the line-a card's text.
        await library.SearchAsync("CK6150");
        var shaft = Page.Locator($"[data-testid=content-hit][data-document='{App.CardA}']");
        await Expect(shaft.Locator("mark").First).ToHaveTextAsync("CK6150");
        await Expect(library.DocumentRow(AccessWebAppFixture.ShaftCard)).ToBeVisibleAsync();

        foreach (var lineB in new[] { "KX-7730-0042", "Z3050" })
        {
            await library.SearchAsync(lineB);
            await Expect(Page.GetByTestId("no-documents")).ToBeVisibleAsync();
            await Expect(Page.GetByTestId("searching")).ToHaveCountAsync(0);
            await Expect(library.ContentHits).ToHaveCountAsync(0);
            var html = await Page.ContentAsync();
            Assert.DoesNotContain(AccessWebAppFixture.FlangeCard, html, StringComparison.Ordinal);
            Assert.DoesNotContain("法兰盘", html, StringComparison.Ordinal);
            Assert.DoesNotContain(AccessWebAppFixture.LineB, html, StringComparison.Ordinal);
        }
        Assert.False(await library.ScrollsSidewaysAsync(), "the page scrolls sideways");
    }
}

/// <summary>The access-bound search on a phone (390×844).</summary>
[Collection(AccessWebAppCollection.Name)]
public sealed class LibrarySearchAccessPhoneTests(AccessWebAppFixture app, BrowserFixture browser) : LibrarySearchAccessTests(app, browser)
{
    protected override ViewportSize Viewport => new() { Width = 390, Height = 844 };
}
