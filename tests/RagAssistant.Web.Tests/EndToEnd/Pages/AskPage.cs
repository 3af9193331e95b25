using Microsoft.Playwright;

namespace RagAssistant.Web.Tests.EndToEnd.Pages;

/// <summary>The chat at "/" and "/c/{id}": question box, turns, citation chips, feedback and the source panel.</summary>
public sealed class AskPage(IPage page, BlazorCircuit circuit) : AppPage(page, circuit)
{
    /// <summary>The textarea the user types into (MudTextField passes the test id down to it, or keeps it on its wrapper).</summary>
    public ILocator QuestionBox => Page.Locator("textarea[data-testid=question-input], [data-testid=question-input] textarea");
    public ILocator Send => Page.GetByTestId("send");
    public ILocator Turns => Page.GetByTestId("turn");
    public ILocator LastTurn => Turns.Last;
    public ILocator ConversationItems => Page.GetByTestId("conversation-item");
    public ILocator NewConversation => Page.GetByTestId("new-conversation");
    public SourcePanel Source => new(Page.GetByTestId("source-panel"));

    public Task OpenAsync() => OpenAsync("/");

    /// <summary>Types the question, sends it and waits until its answer is complete (the answer's toolbar appears).</summary>
    public async Task<AnswerTurn> AskAsync(string question)
    {
        var before = await Turns.CountAsync();
        await QuestionBox.FillAsync(question);
        await Assertions.Expect(Send).ToBeEnabledAsync();
        await Send.ClickAsync();
        await Assertions.Expect(Turns).ToHaveCountAsync(before + 1);
        var turn = new AnswerTurn(Turns.Nth(before));
        await Assertions.Expect(turn.Finished).ToBeVisibleAsync();
        return turn;
    }
}

/// <summary>One question and its answer.</summary>
public sealed class AnswerTurn(ILocator root)
{
    public ILocator Root { get; } = root;
    public ILocator Question => Root.GetByTestId("question");
    public ILocator AnswerText => Root.GetByTestId("answer-text");
    public ILocator QuotedBadge => Root.GetByTestId("quoted-badge");
    public ILocator InsufficientEvidence => Root.GetByTestId("insufficient-evidence");
    public ILocator Error => Root.GetByTestId("answer-error");
    public ILocator CitationChips => Root.GetByTestId("citation-chip");
    public ILocator InlineCitations => Root.Locator("button.rag-cite");
    public ILocator ThumbsDown => Root.GetByTestId("thumbs-down");
    public ILocator FeedbackComment => Root.Locator("input[data-testid=feedback-comment], [data-testid=feedback-comment] input");
    public ILocator FeedbackSubmit => Root.GetByTestId("feedback-submit");
    public ILocator FeedbackSaved => Root.GetByTestId("feedback-saved");

    /// <summary>Visible once the answer is complete: its copy button (with the checked answer) or the error.</summary>
    public ILocator Finished => Root.Locator("[data-testid=copy-answer], [data-testid=answer-error]").First;

    public ILocator Chip(int n) => Root.Locator($"[data-testid=citation-chip][data-n='{n}']");
}

/// <summary>The source panel beside the chat: the cited document in place, the cited passage highlighted.</summary>
public sealed class SourcePanel(ILocator root)
{
    public ILocator Root { get; } = root;
    public ILocator Title => Root.GetByTestId("source-title");
    public ILocator Locator => Root.GetByTestId("source-locator");
    public ILocator SupportingText => Root.GetByTestId("supporting-text");
    public ILocator PdfPage => Root.GetByTestId("pdf-page");
    public ILocator PdfHighlights => Root.Locator(".rag-pdf-highlight");

    /// <summary>The cited row (sheet view) or block (blocks view, chunk list): whichever view the document gets.</summary>
    public ILocator Highlighted => Root.GetByTestId("highlighted");
}

/// <summary>What the phone and tablet layout adds: the menu drawer, the conversation drawer, the panel's parts.</summary>
public static class NarrowLayout
{
    public static ILocator MenuButton(IPage page) => page.GetByTestId("menu-button");
    public static ILocator ConversationsToggle(IPage page) => page.GetByTestId("conversations-toggle");
    public static ILocator ConversationsPane(IPage page) => page.GetByTestId("conversations-pane");
    public static ILocator SourceHeader(IPage page) => page.GetByTestId("source-header");
    public static ILocator SourceClose(IPage page) => page.GetByTestId("source-close");

    /// <summary>How far the page scrolls sideways: 0 when nothing sticks out of the viewport.</summary>
    public static Task<int> HorizontalOverflowAsync(IPage page) =>
        page.EvaluateAsync<int>("() => Math.max(0, document.documentElement.scrollWidth - window.innerWidth)");
}
