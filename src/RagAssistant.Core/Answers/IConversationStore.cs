namespace RagAssistant.Core.Answers;

/// <summary>
/// Conversations with their turns: question, the standalone query it was searched as, the checked answer and its
/// citations with their supporting text and boxes, so a reopened conversation shows and highlights the same sources.
/// </summary>
public interface IConversationStore
{
    /// <summary>Starts a conversation and returns its id (a new random id; <paramref name="owner"/> is the user name, null for the local CLI user).</summary>
    Task<string> CreateAsync(string title, string? owner, CancellationToken cancellationToken = default);

    /// <summary>The conversation with all its turns, oldest first; null when there is none with that id.</summary>
    Task<Conversation?> GetAsync(string conversationId, CancellationToken cancellationToken = default);

    /// <summary>The most recently active conversations of <paramref name="owner"/> (null: of everyone), newest first, without turns.</summary>
    Task<IReadOnlyList<ConversationSummary>> ListAsync(string? owner, int limit, CancellationToken cancellationToken = default);

    /// <summary>Appends a turn and returns its id. Fails with <see cref="KeyNotFoundException"/> for an unknown conversation.</summary>
    Task<long> AddTurnAsync(string conversationId, string question, string query, AnswerResult answer, CancellationToken cancellationToken = default);

    /// <summary>Records thumbs up (+1) or down (−1) with an optional comment on a turn; false when the turn does not exist.</summary>
    Task<bool> SetFeedbackAsync(long turnId, int rating, string? comment, CancellationToken cancellationToken = default);

    /// <summary>Deletes a conversation and its turns; false when there was none.</summary>
    Task<bool> DeleteAsync(string conversationId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Gives the conversation a new title, normalized by <see cref="ConversationTitles.Normalize"/>; false when there is
    /// none with that id. An empty title, or one over <see cref="ConversationTitles.MaxLength"/>, is an <see cref="ArgumentException"/>.
    /// </summary>
    Task<bool> RenameAsync(string conversationId, string title, CancellationToken cancellationToken = default);

    /// <summary>
    /// The conversations of <paramref name="owner"/> (null: of everyone) whose title, questions or answers contain every
    /// word of <paramref name="text"/>, most recently active first, without turns; a blank text finds nothing.
    /// </summary>
    Task<IReadOnlyList<ConversationSummary>> SearchAsync(string? owner, string text, int limit, CancellationToken cancellationToken = default);
}

/// <summary>A conversation as a list shows it: title, owner, when it started and was last active, and how many turns it has.</summary>
public sealed record ConversationSummary(string Id, string Title, string? Owner, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, int Turns);

/// <summary>A conversation with all its turns, oldest first.</summary>
public sealed record Conversation(string Id, string Title, string? Owner, DateTimeOffset CreatedAt, IReadOnlyList<ConversationTurn> Turns);

/// <summary>One question and its answer as stored, with the user's feedback (rating −1 or +1, comment) when given.</summary>
/// <param name="Query">The standalone query the question was searched as (a follow-up rewritten with the conversation).</param>
public sealed record ConversationTurn(long Id, string Question, string Query, AnswerResult Answer, DateTimeOffset At, int? Rating, string? Comment);
