using System.Text.RegularExpressions;
using Microsoft.Playwright;
using RagAssistant.Testing;
using RagAssistant.Web.Tests.EndToEnd.Pages;
using RagAssistant.Web.Tests.Hosting;

namespace RagAssistant.Web.Tests.EndToEnd;

/// <summary>
/// The library page on the workshop screen (1366×768) against the sample corpus: the document table on the first
/// screen, file names and never the server's paths, the search in the documents' text with the matched passage, no
/// sideways scroll. <see cref="LibraryLayoutPhoneTests"/> runs the same on a phone.
/// </summary>
[Collection(WebAppCollection.Name)]
public class LibraryLayoutTests(WebAppFixture app, BrowserFixture browser) : BrowserTest(app, browser)
{
    [SkippableFact]
    public async Task FirstScreen_ShowsTheTable_WithFileNamesNotServerPaths()
    {
        var library = new LibraryPage(Page, Circuit);
        await library.OpenAsync();

        var first = library.DocumentRows.First;
        await Expect(first).ToBeVisibleAsync();
        var box = (await first.BoundingBoxAsync())!;
        Assert.True(box.Y + box.Height <= Viewport.Height, $"the first document row ends at {box.Y + box.Height} px, below the {Viewport.Height} px screen");
        // The corpus was ingested by the queue before the page opened: nothing runs, the strip is closed and complete.
        await Expect(library.QueueToggle).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(library.QueueProgress).ToHaveTextAsync(new Regex(@"^(\d+)/\1 完成"));
        Assert.False(await library.ScrollsSidewaysAsync(), "the page scrolls sideways");
        await Expect(first.GetByTestId("document-file")).Not.ToBeEmptyAsync();
        // Signed in as the administrator, whom the API shows whole sources: the page still shows none of them.
        var html = await Page.ContentAsync();
        Assert.DoesNotContain(RepositoryPaths.Corpus, html, StringComparison.Ordinal);
        Assert.DoesNotContain(RepositoryPaths.Root, html, StringComparison.Ordinal);
        if (Viewport.Width < 600)
            foreach (var target in new[] { library.UploadButton, library.QueueToggle })
                Assert.True((await target.BoundingBoxAsync())!.Height >= 44, "a touch target under 44 px on the phone");
    }

    [SkippableFact]
    public async Task Search_FindsDocumentsByTheirText_WithThePassageMarked()
    {
        var library = new LibraryPage(Page, Circuit);
        await library.OpenAsync();

        // 回火 (tempering) is in the heat-treatment standards' text, not in any title or file name.
        await library.SearchAsync("回火");

        // (English documents match too, through the glossary: their passage marks "tempering".)
        var hit = library.ContentHits.Filter(new() { Has = Page.Locator("mark").Filter(new() { HasTextString = "回火" }) }).First;
        await Expect(hit).ToBeVisibleAsync();
        var document = await hit.GetAttributeAsync("data-document");
        await Expect(hit.Locator("a")).ToHaveAttributeAsync("href", $"/library/{document}");
        await Expect(Page.Locator($"[data-testid=document-row][data-document='{document}']")).ToBeVisibleAsync();
        Assert.False(await library.ScrollsSidewaysAsync(), "the page scrolls sideways");

        // A search longer than the box takes is refused with the field and the reason.
        await library.SearchAsync(new string('轴', 201));
        await Expect(Page.GetByText("搜索：最多 200 个字符，现在有 201 个")).ToBeVisibleAsync();
        await Expect(library.ContentHits).ToHaveCountAsync(0);
    }
}

/// <summary>The library page on a phone (390×844): the table as cards, controls that wrap, 44 px touch targets.</summary>
[Collection(WebAppCollection.Name)]
public sealed class LibraryLayoutPhoneTests(WebAppFixture app, BrowserFixture browser) : LibraryLayoutTests(app, browser)
{
    protected override ViewportSize Viewport => new() { Width = 390, Height = 844 };
}
