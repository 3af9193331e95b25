namespace RagAssistant.Core.Answers;

/// <summary>
/// Answers a question with citations (the generation layer implements it: an LLM through Semantic Kernel, or the
/// offline extractive answerer). Evaluation uses it when answers are scored.
/// </summary>
public interface IQuestionAnswerer
{
    /// <param name="conversationId">Continue this conversation (follow-up questions), or null for a new one.</param>
    Task<AnswerResult> AnswerAsync(string question, string? conversationId, CancellationToken cancellationToken = default);
}

/// <summary>An answer: its text, its mode ("llm", "extractive", "abstain"), its conversation and the chunks it cites.</summary>
public sealed record AnswerResult(string Answer, string Mode, string ConversationId, IReadOnlyList<long> CitedChunkIds);
