using RagAssistant.Core.Answers;

namespace RagAssistant.Core.Feedback;

/// <summary>
/// Answers users rated 👎 and the marks administrators put on them (the passage that should have been cited and the
/// words a right answer must contain), so disliked answers become evaluation questions (EVAL.md).
/// </summary>
public interface IFeedbackStore
{
    /// <summary>Turns rated thumbs down, newest first, with their citations and their mark when there is one.</summary>
    Task<IReadOnlyList<NegativeFeedback>> ListNegativeAsync(int limit, CancellationToken cancellationToken = default);

    /// <summary>Stores (or replaces) the mark of a turn; false when the turn does not exist.</summary>
    Task<bool> SetMarkAsync(FeedbackMark mark, CancellationToken cancellationToken = default);

    /// <summary>Removes the mark of a turn; false when it had none.</summary>
    Task<bool> DeleteMarkAsync(long turnId, CancellationToken cancellationToken = default);

    /// <summary>Every mark, oldest first (the order an exported question file keeps).</summary>
    Task<IReadOnlyList<FeedbackMark>> ListMarksAsync(CancellationToken cancellationToken = default);
}

/// <summary>A turn rated 👎: who asked what, the answer with its sources, their comment, and the mark when one was made.</summary>
public sealed record NegativeFeedback(
    long TurnId, string ConversationId, string? Owner, string Question, AnswerResult Answer, string? Comment, DateTimeOffset At, FeedbackMark? Mark);

/// <summary>
/// What an administrator says a 👎 answer should have been: the passage to cite (a chunk, kept as its source and a
/// distinctive string of its text, the way EVAL.md's gold items are written) and the strings a right answer contains.
/// The question and the conversation's earlier questions are copies, so the mark outlives the conversation.
/// </summary>
/// <param name="Passage">A string of the chunk's indexed text that identifies it (EVAL.md's <c>contains</c>).</param>
/// <param name="Expected">Strings a right answer must contain (EVAL.md's <c>answer_contains</c>).</param>
/// <param name="Split"><c>dev</c> (tune on it, the default) or <c>test</c>.</param>
public sealed record FeedbackMark(
    long TurnId, string Question, IReadOnlyList<string> History, long ChunkId, long DocumentId, string Library, string Source, string Locator,
    string Passage, IReadOnlyList<string> Expected, string Split, string MarkedBy, DateTimeOffset MarkedAt);
