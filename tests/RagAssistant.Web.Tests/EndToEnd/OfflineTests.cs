using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using RagAssistant.Core.Storage;
using RagAssistant.Web.Tests.EndToEnd.Pages;
using RagAssistant.Web.Tests.Hosting;

namespace RagAssistant.Web.Tests.EndToEnd;

/// <summary>Plants are often offline: every byte a page needs (scripts, styles, fonts, pdf.js) comes from the app.</summary>
[Collection(WebAppCollection.Name)]
public sealed class OfflineTests(WebAppFixture app, BrowserFixture browser) : BrowserTest(app, browser)
{
    [SkippableFact]
    public async Task Offline_NoPageRequestsAnythingOffOrigin()
    {
        var requests = new ConcurrentQueue<string>();
        Page.Request += (_, request) => requests.Enqueue(request.Url);
        var pdf = await AnyPdfIdAsync();

        var status = new StatusPage(Page, Circuit);
        await status.OpenAsync();
        await Expect(status.EmbeddingModel.First).Not.ToBeEmptyAsync();
        var library = new LibraryPage(Page, Circuit);
        await library.OpenAsync();
        await Expect(library.DocumentRows.First).ToBeVisibleAsync();
        await library.OpenAsync($"/library/{pdf}");
        await Expect(Page.GetByTestId("document-title")).ToBeVisibleAsync();
        var ask = new AskPage(Page, Circuit);
        await ask.OpenAsync();
        var turn = await ask.AskAsync("轴颈表面粗糙度要求是多少？");
        var citation = (await AnswerLookup.ConversationAsync(App.Services, Page)).Turns.Single().Answer.Citations
            .First(c => c.Source.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase));
        await turn.Chip(citation.N).ClickAsync();
        await Expect(ask.Source.PdfPage).ToHaveAttributeAsync("data-rendered-page", new System.Text.RegularExpressions.Regex("^[0-9]+$"));

        var offOrigin = requests.Where(url => !url.StartsWith(App.BaseUrl + "/", StringComparison.Ordinal)
            && !url.StartsWith("data:", StringComparison.Ordinal) && !url.StartsWith("blob:", StringComparison.Ordinal)).Distinct().ToList();
        Assert.True(requests.Count > 10, $"only {requests.Count} requests were recorded");
        Assert.True(offOrigin.Count == 0, "requests off the app's origin: " + string.Join(", ", offOrigin));
    }

    private async Task<long> AnyPdfIdAsync()
    {
        using var scope = App.Services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<IDocumentStore>();
        await store.OpenAsync();
        return (await store.ListAsync()).First(d => d.FileName.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase)).Id;
    }
}
