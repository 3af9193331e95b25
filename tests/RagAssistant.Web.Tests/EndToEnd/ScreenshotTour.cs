using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RagAssistant.Core.Storage;
using RagAssistant.Web.Tests.EndToEnd.Pages;
using RagAssistant.Web.Tests.Hosting;

namespace RagAssistant.Web.Tests.EndToEnd;

/// <summary>
/// Pictures of every page at a workshop screen (1366×768) and a phone (390×844), for docs/screenshots and the README.
/// Runs only when RAG_SCREENSHOTS names the folder to write to (scripts/screenshots.sh sets it); otherwise it skips,
/// so the test run never rewrites committed files.
/// </summary>
[Collection(WebAppCollection.Name)]
public abstract class ScreenshotTour(WebAppFixture app, BrowserFixture browser) : BrowserTest(app, browser)
{
    private static readonly string? Folder = Environment.GetEnvironmentVariable("RAG_SCREENSHOTS");

    /// <summary>The file name's suffix: "desktop" or "phone".</summary>
    protected abstract string Device { get; }

    [SkippableFact]
    public async Task EveryPage()
    {
        Skip.If(string.IsNullOrEmpty(Folder), "RAG_SCREENSHOTS is not set: run scripts/screenshots.sh to refresh docs/screenshots");
        Directory.CreateDirectory(Folder!);
        var ask = new AskPage(Page, Circuit);

        await ask.OpenAsync();
        await ShootAsync("ask-empty");

        var turn = await ask.AskAsync("JD-2105-0318 第60工序的转速是多少？");
        await ShootAsync("ask-answer");
        await turn.CitationChips.First.ClickAsync();
        await Expect(ask.Source.Root.GetByTestId("source-header")).ToBeVisibleAsync();
        await Page.WaitForTimeoutAsync(800); // the sheet scrolls to the cited cell
        await ShootAsync("ask-source-sheet");
        await Page.Keyboard.PressAsync("Escape"); // on a phone the panel covers the question box
        await Expect(ask.Source.Root).ToHaveCountAsync(0);

        var pdfTurn = await ask.AskAsync("轴颈表面粗糙度要求是多少？");
        var pdf = pdfTurn.CitationChips.First;
        await pdf.ClickAsync();
        await Page.WaitForTimeoutAsync(1500); // pdf.js draws the page
        await ShootAsync("ask-source-pdf");

        if (Device == "phone")
        {
            await ask.OpenAsync();
            await Page.GetByTestId("menu-button").ClickAsync();
            await Page.WaitForTimeoutAsync(400);
            await ShootAsync("menu");
        }

        await ask.OpenAsync("/library");
        await Expect(Page.GetByTestId("document-row").First).ToBeVisibleAsync();
        await ShootAsync("library");

        var documents = await App.Services.GetRequiredService<IDocumentStore>().ListAsync();
        var datasheet = documents.FirstOrDefault(d => d.FileName.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase)) ?? documents[0];
        await ask.OpenAsync($"/library/{datasheet.Id}");
        await Page.WaitForTimeoutAsync(1500);
        await ShootAsync("document");

        foreach (var (path, name) in new[] { ("/status", "status"), ("/admin", "admin"), ("/retrieval", "retrieval"), ("/admin/feedback", "feedback") })
        {
            await ask.OpenAsync(path);
            await Page.WaitForTimeoutAsync(500);
            await ShootAsync(name);
        }
    }

    private Task ShootAsync(string name) =>
        Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder!, $"{name}-{Device}.png") });
}

public sealed class DesktopScreenshotTour(WebAppFixture app, BrowserFixture browser) : ScreenshotTour(app, browser)
{
    protected override string Device => "desktop";
}

public sealed class PhoneScreenshotTour(WebAppFixture app, BrowserFixture browser) : ScreenshotTour(app, browser)
{
    protected override string Device => "phone";

    protected override ViewportSize Viewport => new() { Width = 390, Height = 844 };
}
