using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.JSInterop;
using RagAssistant.Core.Answers;
using RagAssistant.Core.Search;
using RagAssistant.Generation.Llm;
using RagAssistant.Web.Access;
using RagAssistant.Web.Components.Chat;
using RagAssistant.Web.Ingestion;
using RagAssistant.Web.Limits;
using RagAssistant.Web.Localization;

namespace RagAssistant.Web.Components.Pages;

/// <summary>
/// The chat: asks through the same <see cref="IQuestionAnswerer"/> as <c>rag ask</c>, streams the answer, and keeps
/// the conversation in the store, so reopening it (/c/{id}) shows the same answers and sources. Each question passes
/// the same <see cref="AnswerAdmission"/> as <c>/api/ask</c>.
/// </summary>
public sealed partial class Ask : ComponentBase, IDisposable
{
    [Inject] private ProtectedKnowledgeBase KnowledgeBase { get; set; } = default!;
    [Inject] private CurrentAccess Access { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private RecentErrors Errors { get; set; } = default!;
    [Inject] private AnswerAdmission Admission { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;
    [Inject] private ILogger<Ask> Logger { get; set; } = default!;

    [CascadingParameter] private UiText T { get; set; } = UiText.Chinese;
    [Parameter] public string? ConversationId { get; set; }

    private const int ConversationListSize = 50;
    private readonly List<ChatTurn> _turns = [];
    private IReadOnlyList<ConversationSummary> _conversations = [];
    private string? _conversationId;
    private string? _question;
    private bool _busy;
    private Citation? _source;
    private string? _sourceQuestion;
    private CancellationTokenSource? _answering;
    private ElementReference _turnsElement;
    private bool _scrollPending;

    /// <summary>On a phone or tablet, whether the conversation drawer is open (wide screens always show the list).</summary>
    private bool _conversationsOpen;

    /// <summary>The user has no library granted yet: every answer would be "not found", so say why up front.</summary>
    private bool _readsNothing;

    protected override async Task OnParametersSetAsync()
    {
        // Our own navigation to the new conversation's address (which arrives after the answer finished), or a re-render
        // of the conversation already shown: reloading would replace every turn and close the source panel.
        if (ConversationId is not null && ConversationId == _conversationId) return;
        _conversationId = ConversationId;
        _turns.Clear();
        _source = null;
        _conversationsOpen = false;
        if (_conversationId is not null)
        {
            var conversation = await KnowledgeBase.GetConversationAsync(await Access.GetAsync(), _conversationId);
            if (conversation is null) Navigation.NavigateTo("/");
            else _turns.AddRange(conversation.Turns.Select(ChatTurn.From));
        }
        await LoadConversationsAsync();
        _readsNothing = (await Access.GetAsync()).ReadableLibraries is { Count: 0 };
        await LoadWelcomeAsync();
        _scrollPending = true;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            // "/" focuses the question box, Esc closes the source panel or a drawer (wwwroot/js/shortcuts.js).
            await using var shortcuts = await JS.InvokeAsync<IJSObjectReference>("import", "./js/shortcuts.js");
            await shortcuts.InvokeVoidAsync("attach");
        }
        if (!_scrollPending) return;
        _scrollPending = false;
        await using var module = await JS.InvokeAsync<IJSObjectReference>("import", "./js/answer.js");
        await module.InvokeVoidAsync("scrollToBottom", _turnsElement);
    }

    private async Task LoadConversationsAsync() =>
        _conversations = string.IsNullOrEmpty(_search)
            ? await KnowledgeBase.ListConversationsAsync(await Access.GetAsync(), ConversationListSize)
            : await KnowledgeBase.SearchConversationsAsync(await Access.GetAsync(), _search, ConversationListSize);

    private void NewConversation()
    {
        _answering?.Cancel();
        Navigation.NavigateTo("/");
        _conversationId = null;
        _turns.Clear();
        _source = null;
        _conversationsOpen = false;
    }

    private async Task OnKeyDown(KeyboardEventArgs e)
    {
        if (e is { Key: "Enter", ShiftKey: false } && !_busy) await SendAsync();
    }

    private async Task SendAsync()
    {
        var question = _question?.Trim();
        if (string.IsNullOrEmpty(question) || _busy) return;
        _question = "";
        var turn = new ChatTurn(question);
        _turns.Add(turn);
        _busy = true;
        _scrollPending = true;
        _answering = new CancellationTokenSource();
        var lastRender = DateTime.UtcNow;
        try
        {
            var scope = await Access.GetAsync();
            // The same admission as /api/ask: while queued the turn shows "thinking"; a refusal is said in the UI's language
            // and the question goes back into the box, to send again.
            using var admission = await Admission.AdmitAsync(scope.User, _answering.Token);
            if (admission.Refusal is { } refusal)
            {
                turn.Refused = LimitText.Describe(refusal, T);
                _question = question;
                return;
            }
            var result = await KnowledgeBase.AskAsync(scope, new AskRequest(question, _conversationId), async delta =>
            {
                turn.Text += delta;
                // Re-render at most every 60 ms while streaming: enough to look live without flooding the circuit.
                if ((DateTime.UtcNow - lastRender).TotalMilliseconds < 60) return;
                lastRender = DateTime.UtcNow;
                _scrollPending = true;
                await InvokeAsync(StateHasChanged);
            }, _answering.Token);
            turn.Answer = result;
            // The final answer replaces the streamed text: the deltas were checked as they came, but the answer may
            // have become an abstention, gained a note on a superseded source, or fallen back to quotes.
            turn.Text = result.Answer;
            var stored = await KnowledgeBase.GetConversationAsync(scope, result.ConversationId);
            turn.TurnId = stored?.Turns.LastOrDefault()?.Id;
            if (_conversationId != result.ConversationId)
            {
                _conversationId = result.ConversationId;
                Navigation.NavigateTo($"/c/{_conversationId}", replace: true);
            }
            await LoadConversationsAsync();
        }
        catch (OperationCanceledException)
        {
            turn.Error = T.Stop;
        }
        catch (LlmException ex)
        {
            // The endpoint, model path and upstream error text stay in the log; the Status page gets the short cause.
            Log.LlmFailed(Logger, ex.Message);
            Errors.Add("ask", ex.UserMessage);
            turn.Error = T.LlmFailures.GetValueOrDefault(ex.Failure, T.AnswerFailedUnexpectedly);
        }
        catch (Exception ex)
        {
            Log.AnswerFailed(Logger, ex);
            Errors.Add("ask", ex.Message);
            turn.Error = T.AnswerFailedUnexpectedly;
        }
        finally
        {
            _busy = false;
            _scrollPending = true;
            _answering.Dispose();
            _answering = null;
        }
    }

    private void Stop() => _answering?.Cancel();

    private void ShowSource(ChatTurn turn, Citation citation)
    {
        _source = citation;
        _sourceQuestion = turn.Question;
    }

    private async Task SaveFeedback(ChatTurn turn, (int Rating, string? Comment) feedback)
    {
        if (turn.TurnId is not { } id) return;
        turn.Rating = feedback.Rating;
        turn.Comment = feedback.Comment;
        if (_conversationId is null) return;
        await KnowledgeBase.SetFeedbackAsync(await Access.GetAsync(), _conversationId, id, feedback.Rating, feedback.Comment);
    }

    public void Dispose()
    {
        _answering?.Cancel();
        StopWatchingQueue();
    }
}
