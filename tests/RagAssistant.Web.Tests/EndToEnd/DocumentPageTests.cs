using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RagAssistant.Core.Documents;
using RagAssistant.Core.Storage;
using RagAssistant.Web.Tests.EndToEnd.Pages;
using RagAssistant.Web.Tests.Hosting;

namespace RagAssistant.Web.Tests.EndToEnd;

/// <summary>
/// The document page shows a PDF's page beside its chunks; a chunk clicked is shown in place (its page, its boxes) and
/// marked; a table chunk is an HTML table (issue #26 item 5). At the workshop screen's size and, below, a phone's.
/// </summary>
[Collection(WebAppCollection.Name)]
public class DocumentPageTests(WebAppFixture app, BrowserFixture browser) : BrowserTest(app, browser)
{
    protected virtual bool Phone => false;

    [SkippableFact]
    public async Task PdfPage_StandsBesideItsChunks_AndAChunkClickedIsShownInPlace()
    {
        var (document, onLaterPage, table) = await PdfWithTableAsync();
        var page = new DocumentPage(Page, Circuit);
        await page.OpenAsync(document.Id);

        await Expect(page.PdfPage).ToHaveAttributeAsync("data-rendered-page", "1");
        await Expect(page.PdfCanvas).ToBeVisibleAsync();
        if (Phone)
        {
            // One pane at a time: the page first, the chunks behind the toggle.
            await Expect(page.ChunkPane).ToBeHiddenAsync();
            Assert.True(await page.HeightAsync(page.ShowChunks) >= 44, "the pane toggle is under 44 px tall");
            await page.ShowChunks.ClickAsync();
            await Expect(page.View).ToBeHiddenAsync();
            Assert.True(await page.HeightAsync(page.Chunk(onLaterPage.Id)) >= 44, "a chunk is under 44 px tall");
        }
        else
        {
            await Expect(page.ShowChunks).ToBeHiddenAsync();
            var view = (await page.View.BoundingBoxAsync())!;
            var chunks = (await page.ChunkPane.BoundingBoxAsync())!;
            Assert.True(view.X + view.Width <= chunks.X, $"the page view ({view.X}+{view.Width}) is not left of the chunks ({chunks.X})");
        }
        // A table chunk is a table, not pipes.
        await Expect(page.Chunk(table.Id).Locator("table")).ToBeVisibleAsync();
        await Expect(page.Chunk(table.Id).Locator("th").First).ToBeVisibleAsync();
        Assert.False(await page.ScrollsSidewaysAsync(), "the page scrolls sideways");

        await page.Chunk(onLaterPage.Id).ClickAsync();

        await Expect(page.PdfPage).ToHaveAttributeAsync("data-rendered-page", onLaterPage.Page!.Value.ToString());
        await Expect(page.PdfPage).ToHaveAttributeAsync("data-highlights", onLaterPage.Boxes.Count(b => b.Page == onLaterPage.Page).ToString());
        await Expect(page.PdfHighlights.First).ToBeAttachedAsync();
        await Expect(page.View).ToBeVisibleAsync();
        await Expect(page.Page.GetByTestId("pdf-page-number")).ToContainTextAsync($"第{onLaterPage.Page}页 /");
        await Expect(page.Chunk(onLaterPage.Id)).ToHaveAttributeAsync("data-testid", "highlighted");
        Assert.False(await page.ScrollsSidewaysAsync(), "the page scrolls sideways once the chunk is shown");
    }

    [SkippableFact]
    public async Task SheetChunkClicked_MarksItsRowInPlace()
    {
        using var scope = App.Services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<IDocumentStore>();
        var sheet = (await store.ListAsync()).First(d => d.FileName.StartsWith("JD-2105-0201", StringComparison.Ordinal) && d.HasOriginal);
        var chunk = (await store.GetChunksAsync(sheet.Id)).Last(c => c.Locator.Contains('!', StringComparison.Ordinal));
        var page = new DocumentPage(Page, Circuit);
        await page.OpenAsync(sheet.Id);
        await Expect(page.View.GetByTestId("sheet-view")).ToBeAttachedAsync();
        if (Phone) await page.ShowChunks.ClickAsync();

        await page.Chunk(chunk.Id).ClickAsync();

        await Expect(page.View.GetByTestId("highlighted").First).ToBeVisibleAsync();
        await Expect(page.Chunk(chunk.Id)).ToHaveAttributeAsync("data-testid", "highlighted");
        Assert.False(await page.ScrollsSidewaysAsync(), "the page scrolls sideways");
    }

    /// <summary>A PDF of the sample corpus with a table chunk and a chunk with boxes on a page after the first.</summary>
    private async Task<(StoredDocument Document, StoredChunk OnLaterPage, StoredChunk Table)> PdfWithTableAsync()
    {
        using var scope = App.Services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<IDocumentStore>();
        foreach (var document in (await store.ListAsync()).Where(d => d.ContentType == "pdf" && d.HasOriginal).OrderBy(d => d.Id))
        {
            var chunks = await store.GetChunksAsync(document.Id);
            var later = chunks.FirstOrDefault(c => c.Page > 1 && c.Boxes.Any(b => b.Page == c.Page));
            var table = chunks.FirstOrDefault(c => c.Text.Split('\n').Count(l => l.StartsWith('|') && l.EndsWith('|')) >= 2);
            if (later is not null && table is not null) return (document, later, table);
        }
        throw new InvalidOperationException("no PDF in the sample corpus has both a table chunk and a boxed chunk after page 1");
    }
}

/// <summary>The same on a phone (390×844): page and chunks stacked behind a toggle.</summary>
[Collection(WebAppCollection.Name)]
public sealed class DocumentPagePhoneTests(WebAppFixture app, BrowserFixture browser) : DocumentPageTests(app, browser)
{
    protected override bool Phone => true;

    protected override ViewportSize Viewport => new() { Width = 390, Height = 844 };
}
