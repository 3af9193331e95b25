using RagAssistant.Web.Tests.EndToEnd.Pages;
using RagAssistant.Web.Tests.Hosting;

namespace RagAssistant.Web.Tests.EndToEnd;

[Collection(WebAppCollection.Name)]
public sealed class SourcePanelTests(WebAppFixture app, BrowserFixture browser) : BrowserTest(app, browser)
{
    [SkippableFact]
    public async Task Citation_OpensPdfPageWithHighlightedPassage()
    {
        var ask = new AskPage(Page, Circuit);
        await ask.OpenAsync();
        var turn = await ask.AskAsync(PdfQuestion);
        var citation = (await AnswerLookup.ConversationAsync(App.Services, Page)).Turns.Single().Answer.Citations
            .FirstOrDefault(c => c.Source.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase) && c.Page is not null && c.Boxes.Count > 0);
        Assert.True(citation is not null, $"'{PdfQuestion}' cites no PDF passage with boxes");

        await turn.Chip(citation.N).ClickAsync();

        var source = ask.Source;
        await Expect(source.PdfPage).ToHaveAttributeAsync("data-rendered-page", citation.Page!.Value.ToString());
        await Expect(source.PdfPage).ToHaveAttributeAsync("data-highlights", new System.Text.RegularExpressions.Regex("^[1-9][0-9]*$"));
        await Expect(source.PdfHighlights.First).ToBeAttachedAsync();
    }

    [SkippableFact]
    public async Task Citation_OpensSpreadsheetRowHighlighted()
    {
        var ask = new AskPage(Page, Circuit);
        await ask.OpenAsync();
        var turn = await ask.AskAsync(SheetQuestion);
        var citation = (await AnswerLookup.ConversationAsync(App.Services, Page)).Turns.Single().Answer.Citations
            .FirstOrDefault(c => c.Source.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase));
        Assert.True(citation is not null, $"'{SheetQuestion}' cites no spreadsheet");

        await turn.Chip(citation.N).ClickAsync();

        // Works for the sheet table (the cited row) and for the chunk list fallback (the cited block).
        await Expect(ask.Source.Highlighted.First).ToBeVisibleAsync();
        await Expect(ask.Source.Highlighted.First).ToContainTextAsync(SheetFragment);
    }

    private const string PdfQuestion = "轴颈表面粗糙度要求是多少？";
    // A process card (.xlsx) row: operation 20 of JD-2105-0201, whose operation name is a cell of the cited row.
    private const string SheetQuestion = "JD-2105-0201 支架本体第20工序是什么？";
    private const string SheetFragment = "钻孔攻丝";
}
