namespace RagAssistant.Web.Feedback;

/// <summary>What an administrator entered to mark a 👎 answer: the chosen passage, its identifying words, the expected value and the split.</summary>
public sealed record FeedbackMarkRequest(PassageChoice? Passage, string Words, string Expected, string Split);
