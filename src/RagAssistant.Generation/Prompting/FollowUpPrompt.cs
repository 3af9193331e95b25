using Microsoft.SemanticKernel.ChatCompletion;
using RagAssistant.Core.Answers;

namespace RagAssistant.Generation.Prompting;

/// <summary>Asks the LLM to turn a follow-up ("那第40工序呢？", "and the feed?") into a standalone search query.</summary>
public static class FollowUpPrompt
{
    public const string SystemPrompt = """
        Rewrite the user's last question as one standalone search query, in the same language as that question, taking
        the missing subject (part number, operation, machine, document, standard) from the conversation.
        Reply with the query only: no explanation, no quotes.
        """;

    // Earlier answers are clipped: the rewrite needs their subject, not their text. A prompt budget, not a tuned number.
    private const int AnswerChars = 300;

    public static ChatHistory Build(string question, IReadOnlyList<ConversationTurn> history)
    {
        var chat = new ChatHistory(SystemPrompt);
        foreach (var turn in history)
        {
            chat.AddUserMessage(turn.Question);
            var answer = turn.Answer.Answer;
            chat.AddAssistantMessage(answer.Length <= AnswerChars ? answer : answer[..AnswerChars] + "…");
        }
        chat.AddUserMessage("Last question: " + question);
        return chat;
    }
}
