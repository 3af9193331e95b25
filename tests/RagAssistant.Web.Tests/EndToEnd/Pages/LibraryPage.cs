using Microsoft.Playwright;

namespace RagAssistant.Web.Tests.EndToEnd.Pages;

/// <summary>The library at "/library": the queue strip, the upload button and drop area, the search and filters, the document table.</summary>
public sealed class LibraryPage(IPage page, BlazorCircuit circuit) : AppPage(page, circuit)
{
    public ILocator UploadInput => Page.GetByTestId("upload-input");
    public ILocator Jobs => Page.GetByTestId("job");
    public ILocator DocumentTable => Page.GetByTestId("document-table");
    public ILocator DocumentRows => Page.GetByTestId("document-row");
    public ILocator UploadButton => Page.GetByTestId("upload-button");
    // MudTextField puts its attributes on the input itself.
    public ILocator Search => Page.Locator("input[data-testid=document-search], [data-testid=document-search] input").First;
    /// <summary>MudBlazor's clear button in the search box (drawn while the box has text).</summary>
    public ILocator SearchClear => Page.Locator(".rag-library-search .mud-input-clear-button");
    /// <summary>The document table's pager buttons: first, previous, next and last page.</summary>
    public ILocator PagerButtons => DocumentTable.Locator(".mud-table-pagination-actions button");
    public ILocator ContentHits => Page.GetByTestId("content-hit");
    public ILocator QueueStrip => Page.GetByTestId("queue-strip");
    public ILocator QueueToggle => Page.GetByTestId("queue-toggle");
    public ILocator QueueProgress => Page.GetByTestId("queue-progress");

    public Task OpenAsync() => OpenAsync("/library");

    /// <summary>
    /// Chooses the files in the file input. Blazor's InputFile starts listening for "change" in an interop call just
    /// after its first render, so a page can be interactive and still miss the choice: wait for that listener first
    /// (it marks the element with _blazorInputFileNextFileId).
    /// </summary>
    public async Task UploadAsync(params string[] paths)
    {
        await Page.WaitForFunctionAsync(
            "() => document.querySelector('[data-testid=upload-input]')?._blazorInputFileNextFileId !== undefined");
        await UploadInput.SetInputFilesAsync(paths);
    }

    /// <summary>The job row of an uploaded file (its file name).</summary>
    public JobRow Job(string fileName) => new(Page.Locator($"[data-testid=job][data-file='{fileName}']").Last);

    /// <summary>The document cell of the file named <paramref name="fileName"/>.</summary>
    public ILocator DocumentRow(string fileName) => Page.Locator($"[data-testid=document-row][data-file='{fileName}']");

    /// <summary>Types into the search box (the page searches once typing pauses).</summary>
    public Task SearchAsync(string text) => Search.FillAsync(text);

    /// <summary>Whether the page scrolls sideways (it must not, at any width: wide content scrolls in its own box).</summary>
    public Task<bool> ScrollsSidewaysAsync() =>
        Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");

    /// <summary>The table row (tr) holding a document, for its action buttons.</summary>
    public ILocator TableRow(string fileName) => Page.Locator("tr").Filter(new() { Has = DocumentRow(fileName) });

    public async Task DeleteAsync(string fileName)
    {
        await TableRow(fileName).GetByTestId("delete").ClickAsync();
        var dialog = Page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "删除" }).ClickAsync();
    }
}

/// <summary>One upload's row in the job list.</summary>
public sealed class JobRow(ILocator root)
{
    public static readonly string[] FinishedStates = ["done", "needs_ocr", "skipped", "failed", "cancelled"];

    public ILocator Root { get; } = root;
    public ILocator Reason => Root.GetByTestId("job-reason");

    /// <summary>Waits until the job reaches a final state and returns it.</summary>
    public async Task<string> WaitFinishedAsync()
    {
        await Assertions.Expect(Root).ToHaveAttributeAsync("data-state", new System.Text.RegularExpressions.Regex($"^({string.Join('|', FinishedStates)})$"));
        return (await Root.GetAttributeAsync("data-state"))!;
    }
}
