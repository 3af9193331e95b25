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

    [SkippableFact]
    public async Task PanelHeader_StaysInView_WhenTheBodyJumpsToTheHighlight()
    {
        var ask = new AskPage(Page, Circuit);
        await ask.OpenAsync();
        var turn = await ask.AskAsync(PdfQuestion);
        var citation = (await AnswerLookup.ConversationAsync(App.Services, Page)).Turns.Single().Answer.Citations
            .First(c => c.Source.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase) && c.Page is not null && c.Boxes.Count > 0);

        await turn.Chip(citation.N).ClickAsync();

        await Expect(ask.Source.PdfHighlights.First).ToBeInViewportAsync();
        await Expect(NarrowLayout.SourceHeader(Page)).ToBeInViewportAsync(new() { Ratio = 1 });
        await Expect(ask.Source.Title).ToBeInViewportAsync();
        await Expect(NarrowLayout.SourceClose(Page)).ToBeInViewportAsync();
        await Expect(Page.GetByTestId("pdf-next")).ToBeInViewportAsync();
        var bar = await Page.Locator(".rag-appbar").BoundingBoxAsync();
        Assert.Equal(0, bar!.Y);

        await Page.Keyboard.PressAsync("Escape");
        await Expect(ask.Source.Root).ToHaveCountAsync(0);
    }

    [SkippableFact]
    public async Task SpreadsheetCitation_MarksTheAskedCell_AndScrollsTheWideSheetToIt()
    {
        var ask = new AskPage(Page, Circuit);
        await ask.OpenAsync();
        var turn = await ask.AskAsync(CellQuestion);
        var citation = (await AnswerLookup.ConversationAsync(App.Services, Page)).Turns.Single().Answer.Citations
            .FirstOrDefault(c => c.Source.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase));
        Assert.True(citation is not null, $"'{CellQuestion}' cites no spreadsheet");

        await turn.Chip(citation.N).ClickAsync();

        var cell = ask.Source.Root.GetByTestId("cited-cell");
        await Expect(cell).ToHaveCountAsync(1);
        await Expect(cell).ToBeInViewportAsync(new() { Ratio = 1 });
        await Expect(ask.Source.Root.GetByTestId("cited-cell-label")).ToContainTextAsync("转速");
        await Expect(NarrowLayout.SourceHeader(Page)).ToBeInViewportAsync(new() { Ratio = 1 });
    }

    [SkippableFact]
    public async Task Slash_FocusesTheQuestionBox()
    {
        var ask = new AskPage(Page, Circuit);
        await ask.OpenAsync();
        // Somewhere that is no control: the app's name in the bar (a click on the page could land on an example question and ask it).
        await Page.Locator(".rag-appname").ClickAsync();
        // The page attaches its shortcuts after its first interactive render; on a busy machine that can come after the click.
        await Page.WaitForFunctionAsync("() => document.ragShortcuts === true");

        await Page.Keyboard.PressAsync("/");

        await Expect(ask.QuestionBox).ToBeFocusedAsync();
        await Expect(ask.QuestionBox).ToHaveValueAsync("");
        await Expect(ask.Turns).ToHaveCountAsync(0);
    }

    private const string PdfQuestion = "轴颈表面粗糙度要求是多少？";
    // A process card (.xlsx) row: operation 20 of JD-2105-0201, whose operation name is a cell of the cited row.
    private const string CellQuestion = "JD-2105-0318 第60工序的转速是多少？";
    private const string SheetQuestion = "JD-2105-0201 支架本体第20工序是什么？";
    private const string SheetFragment = "钻孔攻丝";
}
