using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;
using RagAssistant.Core.Answers;
using RagAssistant.Web.Components.Chat;
using RagAssistant.Web.Conversations;
using RagAssistant.Web.Ingestion;

namespace RagAssistant.Web.Components.Pages;

/// <summary>
/// The Ask page's handling of conversations as things a person manages — search, rename, delete — of regenerating and
/// editing a question, and of the empty page: example questions and the notice that files are still being imported.
/// Every read and write goes through <see cref="ProtectedKnowledgeBase"/> with the user's scope, so only their own
/// conversations are found, renamed or deleted, and examples come only from libraries they may read.
/// </summary>
public sealed partial class Ask
{
    [Inject] private ExampleQuestions ExampleQuestions { get; set; } = default!;
    [Inject] private IngestionQueue Queue { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;

    private string _search = "";
    private IReadOnlyList<string> _examples = [];
    private int _pendingIngestion;
    private AccessScope? _scope;
    private bool _watchingQueue;

    private async Task SearchConversationsAsync(string text)
    {
        _search = text.Trim();
        await LoadConversationsAsync();
    }

    private async Task RenameConversationAsync((string Id, string Title) rename)
    {
        if (await KnowledgeBase.RenameConversationAsync(await Access.GetAsync(), rename.Id, rename.Title))
            Snackbar.Add(T.Chat.Renamed, Severity.Success);
        else
            Snackbar.Add(T.Chat.NotFound, Severity.Warning);
        await LoadConversationsAsync();
    }

    private async Task DeleteConversationAsync(ConversationSummary conversation)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(T.Chat.ConfirmDeleteTitle,
            string.Format(System.Globalization.CultureInfo.InvariantCulture, T.Chat.ConfirmDeleteFormat, conversation.Title),
            yesText: T.Chat.Delete, cancelText: T.Chat.Cancel);
        if (confirmed != true) return;
        var deleted = await KnowledgeBase.DeleteConversationAsync(await Access.GetAsync(), conversation.Id);
        Snackbar.Add(deleted ? T.Chat.Deleted : T.Chat.NotFound, deleted ? Severity.Success : Severity.Warning);
        // The open conversation is gone: start a new one, as the "new conversation" button does.
        if (conversation.Id == _conversationId) NewConversation();
        await LoadConversationsAsync();
        await LoadWelcomeAsync();
    }

    /// <summary>Asks the turn's question again in the same conversation: the new answer is a new turn below; the old one stays.</summary>
    private Task RegenerateAsync(ChatTurn turn) => SendKeepingDraftAsync(turn.Question);

    /// <summary>Puts the turn's question back into the box, to be changed and sent as a new turn.</summary>
    private async Task EditQuestionAsync(ChatTurn turn)
    {
        _question = turn.Question;
        StateHasChanged();
        await using var module = await JS.InvokeAsync<IJSObjectReference>("import", "./js/conversations.js");
        await module.InvokeVoidAsync("focusQuestion");
    }

    private Task AskExampleAsync(string example) => SendKeepingDraftAsync(example);

    /// <summary>
    /// Sends <paramref name="question"/> as if typed, and puts back what the user had typed in the box meanwhile: a
    /// click on regenerate or an example must not throw away a draft. (A refused question still takes the box, to be sent again.)
    /// </summary>
    private async Task SendKeepingDraftAsync(string question)
    {
        if (_busy) return;
        var draft = _question;
        _question = question;
        var sending = SendAsync(); // takes the question out of the box before its first wait
        if (string.IsNullOrEmpty(_question)) _question = draft;
        await sending;
    }

    /// <summary>The examples (once per empty page) and the count of files still being imported; starts following the queue.</summary>
    private async Task LoadWelcomeAsync()
    {
        _scope = await Access.GetAsync();
        _pendingIngestion = PendingFor(_scope);
        if (!_watchingQueue)
        {
            Queue.Changed += OnQueueChanged;
            _watchingQueue = true;
        }
        if (_turns.Count == 0 && _conversationId is null) _examples = await ExampleQuestions.ForAsync(_scope, T);
    }

    private int PendingFor(AccessScope scope) => Queue.Jobs.Count(j => !j.IsFinished && scope.MayRead(j.Library));

    /// <summary>Called on the queue's thread for every job change: re-counts, and refreshes the examples once the queue is done.</summary>
    private void OnQueueChanged(IngestJob job)
    {
        if (_scope is not { } scope || !scope.MayRead(job.Library)) return;
        _ = InvokeAsync(async () =>
        {
            var pending = PendingFor(scope);
            if (pending == _pendingIngestion) return;
            _pendingIngestion = pending;
            if (pending == 0 && _turns.Count == 0 && _conversationId is null) _examples = await ExampleQuestions.ForAsync(scope, T);
            StateHasChanged();
        });
    }

    private void StopWatchingQueue()
    {
        if (_watchingQueue) Queue.Changed -= OnQueueChanged;
        _watchingQueue = false;
    }
}
