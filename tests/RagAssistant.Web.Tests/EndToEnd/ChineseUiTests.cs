using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RagAssistant.Core.Storage;
using RagAssistant.Web.Localization;
using RagAssistant.Web.Tests.EndToEnd.Pages;
using RagAssistant.Web.Tests.Hosting;

namespace RagAssistant.Web.Tests.EndToEnd;

/// <summary>
/// The Chinese UI walked page by page, as an administrator sees it: no stored value (a kind, status, role, audit action,
/// the default library) and no locator word ("table 2 row 6", "line 3") shows in English. What the documents
/// themselves say (answers, quotes, chunk text, titles, cells) is theirs and is left out of the check.
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

    /// <summary>The code's stored values and locator words that are visible on the page, outside the documents' own text.</summary>
    private async Task<IReadOnlyList<string>> EnglishWordsAsync(string where)
    {
        var text = await Page.EvaluateAsync<string>("""
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
                    if (!element.closest(selector)) parts.push(['aria-label', 'title', 'placeholder'].map(a => element.getAttribute(a) || '').join(' '));
                return parts.join('\n');
            }
            """, DocumentText);
        var words = new List<string>();
        foreach (Match m in Words().Matches(text))
            if (Stored.Contains(m.Value) || m.Groups["locator"].Success) words.Add($"{where}: '{m.Value}'");
        return words;
    }

    private static readonly HashSet<string> Stored = [.. LabelText.Known.Where(v => !v.Any(c => c > 0x2e7f))];

    [GeneratedRegex(@"(?<locator>\b(?:table|rows?|line|part|page)\s+\d+)|\b[A-Za-z][A-Za-z_]*\b")]
    private static partial Regex Words();
}
