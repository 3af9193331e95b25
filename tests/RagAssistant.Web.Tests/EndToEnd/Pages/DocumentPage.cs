using Microsoft.Playwright;

namespace RagAssistant.Web.Tests.EndToEnd.Pages;

/// <summary>A document at "/library/{id}": its header, the document in place beside its chunks, and the correction form.</summary>
public sealed class DocumentPage(IPage page, BlazorCircuit circuit) : AppPage(page, circuit)
{
    public ILocator Title => Page.GetByTestId("document-title");
    public ILocator EditButton => Page.GetByTestId("document-edit");
    public ILocator Saved => Page.GetByTestId("document-saved");
    public ILocator View => Page.GetByTestId("document-view");
    public ILocator ChunkPane => Page.GetByTestId("document-chunks");
    public ILocator PdfPage => View.GetByTestId("pdf-page");
    public ILocator PdfCanvas => PdfPage.Locator("canvas");
    public ILocator PdfHighlights => PdfPage.Locator(".rag-pdf-highlight");
    public ILocator ShowPage => Page.GetByTestId("show-page");
    public ILocator ShowChunks => Page.GetByTestId("show-chunks");
    public ILocator TitleInput => Page.Locator("input[data-testid=edit-title], [data-testid=edit-title] input");
    public ILocator Save => Page.GetByTestId("edit-save");
    public ILocator EditErrors => Page.GetByTestId("edit-error");

    public Task OpenAsync(long id) => OpenAsync($"/library/{id}");

    /// <summary>A chunk in the chunk list, by its id (marked "highlighted" once selected).</summary>
    public ILocator Chunk(long id) => ChunkPane.Locator($"[data-chunk-id='{id}']");

    /// <summary>True when the page itself scrolls sideways (a wide table or viewer that escaped its own box).</summary>
    public Task<bool> ScrollsSidewaysAsync() => Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");

    public async Task<float> HeightAsync(ILocator locator) => (await locator.BoundingBoxAsync())?.Height ?? 0;
}
