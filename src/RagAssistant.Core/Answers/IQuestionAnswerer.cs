using RagAssistant.Core.Search;

namespace RagAssistant.Core.Answers;

/// <summary>
/// Answers a question with citations (the generation layer implements it: an LLM through Semantic Kernel, or the
/// offline extractive answerer). The CLI, the web app and evaluation all go through it.
/// </summary>
public interface IQuestionAnswerer
{
    /// <param name="request">The question, the conversation it continues and what it may read.</param>
    /// <param name="onDelta">Receives the answer text as it is produced (streaming); the returned result holds the final, checked text.</param>
    Task<AnswerResult> AnswerAsync(AskRequest request, Func<string, ValueTask>? onDelta = null, CancellationToken cancellationToken = default);
}

/// <summary>A question to answer.</summary>
/// <param name="ConversationId">Continue this conversation (follow-up questions), or null for a new one.</param>
/// <param name="Filter">What the answer may draw on (libraries the caller may read, kinds, current revisions only).</param>
/// <param name="Owner">The user a new conversation belongs to; null for the local operator of the <c>rag</c> command.</param>
/// <param name="Explain">Return why the answer came out so (<see cref="AnswerResult.Explain"/>).</param>
public sealed record AskRequest(string Question, string? ConversationId = null, SearchFilter? Filter = null, string? Owner = null, bool Explain = false);
