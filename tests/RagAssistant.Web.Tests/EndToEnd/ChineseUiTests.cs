using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RagAssistant.Core.Storage;
using RagAssistant.Web.Localization;
using RagAssistant.Web.Tests.EndToEnd.Pages;
using RagAssistant.Web.Tests.Hosting;
using RagAssistant.Web.Tests.Localization;

namespace RagAssistant.Web.Tests.EndToEnd;

/// <summary>
/// The Chinese UI walked page by page, as an administrator sees it: no stored value (a kind, status, role, audit action,
/// the default library) and no locator word ("table 2 row 6", "line 3") shows in English. What the documents
/// themselves say (answers, quotes, chunk text, titles, cells) is theirs and is left out of the check. MudBlazor's own
/// words (its buttons' labels) are Chinese too.
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed partial class ChineseUiTests(WebAppFixture app, BrowserFixture browser) : BrowserTest(app, browser)
{
    /// <summary>Where documents speak for themselves: their words are not the UI's.</summary>
    private const string DocumentText =
        ".rag-answer, .rag-question, .rag-block-text, .rag-supporting, .rag-cited-row dd, .rag-sheet td, .rag-blocks, .rag-doc-text, "
        + "[data-testid=document-title], [data-testid=source-title], [data-testid=conversation-item], [data-testid=document-row] a, "
        + "[data-testid=signed-in-user], [data-content]";

    [SkippableFact]
    public async Task EveryPage_ShowsStoredValuesAndLocators_InChinese()
    {
        var found = new List<string>();
        var ask = new AskPage(Page, Circuit);
        await ask.OpenAsync();
        var turn = await ask.AskAsync("JD-2105-0318 第60工序的转速是多少？");
        await turn.CitationChips.First.ClickAsync();
        await Expect(ask.Source.Root.GetByTestId("source-locator")).ToBeVisibleAsync();
        found.AddRange(await EnglishWordsAsync("/ (answer and source panel)"));

        await new LibraryPage(Page, Circuit).OpenAsync();
        await Expect(Page.GetByTestId("document-row").First).ToBeVisibleAsync();
        found.AddRange(await EnglishWordsAsync("/library"));

        var store = App.Services.GetRequiredService<IDocumentStore>();
        var documents = await store.ListAsync();
        // One document of each type: a PDF, a sheet, a Word file, Markdown, CSV.
        foreach (var document in documents.GroupBy(d => d.ContentType).Select(g => g.First()))
        {
            await ask.OpenAsync($"/library/{document.Id}");
            await Expect(Page.GetByTestId("document-title")).ToBeVisibleAsync();
            found.AddRange(await EnglishWordsAsync($"/library/{document.Id} ({document.FileName})"));
        }

        await new StatusPage(Page, Circuit).OpenAsync();
        found.AddRange(await EnglishWordsAsync("/status"));

        var admin = new AdminPage(Page, Circuit);
        await admin.OpenAsync();
        foreach (var tab in new[] { "users", "libraries", "keys", "audit" })
        {
            await admin.TabAsync(tab);
            found.AddRange(await EnglishWordsAsync($"/admin {tab}"));
        }

        Assert.True(found.Count == 0, "English words in the Chinese UI:\n" + string.Join("\n", found.Distinct()));
    }

    [SkippableFact]
    public async Task Library_PagerAndClearButtons_AreLabelledInTheUiLanguage()
    {
        var library = new LibraryPage(Page, Circuit);
        await library.OpenAsync();
        await library.SearchAsync("工艺");

        await Expect(library.PagerButtons).ToHaveCountAsync(4);
        Assert.Equal(["第一页", "上一页", "下一页", "最后一页"], await AriaLabelsAsync(library.PagerButtons));
        await Expect(library.SearchClear).ToHaveAttributeAsync("aria-label", "清除");

        await library.SwitchLanguageAsync();
        await library.SearchAsync("process");

        await Expect(library.PagerButtons).ToHaveCountAsync(4);
        Assert.Equal(["First page", "Previous page", "Next page", "Last page"], await AriaLabelsAsync(library.PagerButtons));
        await Expect(library.SearchClear).ToHaveAttributeAsync("aria-label", "Clear");
    }

    private static Task<string[]> AriaLabelsAsync(ILocator elements) =>
        elements.EvaluateAllAsync<string[]>("elements => elements.map(e => e.getAttribute('aria-label'))");

    /// <summary>
    /// The code's stored values and locator words that are visible on the page, outside the documents' own text, and
    /// MudBlazor's built-in English (a pager's "Next page", a field's "Clear", a snackbar's "Close") said by a label,
    /// a tooltip or a text.
    /// </summary>
    private async Task<IReadOnlyList<string>> EnglishWordsAsync(string where)
    {
        var parts = await Page.EvaluateAsync<string[]>("""
            selector => {
                // Every visible text node outside the documents' own text, and the labels screen readers and tooltips say.
                const parts = [];
                const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                    const element = node.parentElement;
                    if (!element || element.closest(selector + ', script, style')) continue;
                    if (element.checkVisibility && !element.checkVisibility()) continue;
                    parts.push(node.textContent);
                }
                for (const element of document.querySelectorAll('[aria-label], [title], [placeholder]'))
                    if (!element.closest(selector))
                        for (const name of ['aria-label', 'title', 'placeholder']) parts.push(element.getAttribute(name) || '');
                return parts;
            }
            """, DocumentText);
        var words = new List<string>();
        foreach (Match m in Words().Matches(string.Join("\n", parts)))
            if (Stored.Contains(m.Value) || m.Groups["locator"].Success) words.Add($"{where}: '{m.Value}'");
        foreach (var part in parts.Select(p => p.Trim()).Where(p => p.Length > 0))
            if (MudBlazorEnglish.Labels.Any(label => label.IsMatch(part))) words.Add($"{where}: MudBlazor's '{part}'");
        return words;
    }

    private static readonly HashSet<string> Stored = [.. LabelText.Known.Where(v => !v.Any(c => c > 0x2e7f))];

    [GeneratedRegex(@"(?<locator>\b(?:table|rows?|line|part|page)\s+\d+)|\b[A-Za-z][A-Za-z_]*\b")]
    private static partial Regex Words();
}
