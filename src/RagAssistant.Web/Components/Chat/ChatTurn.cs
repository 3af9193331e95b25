using RagAssistant.Core.Answers;

namespace RagAssistant.Web.Components.Chat;

/// <summary>One question and its answer as the chat shows it: streaming text until the checked answer arrives.</summary>
public sealed class ChatTurn(string question)
{
    public string Question { get; } = question;

    /// <summary>The text so far while streaming; the checked answer's text once done.</summary>
    public string Text { get; set; } = "";

    public AnswerResult? Answer { get; set; }
    public long? TurnId { get; set; }
    public int? Rating { get; set; }
    public string? Comment { get; set; }
    public string? Error { get; set; }

    /// <summary>Not answered because a limit said no (too fast, too many open, server busy): a notice, not a failure.</summary>
    public string? Refused { get; set; }

    public bool Streaming => Answer is null && Error is null && Refused is null;

    public static ChatTurn From(ConversationTurn stored) => new(stored.Question)
    {
        Text = stored.Answer.Answer,
        Answer = stored.Answer,
        TurnId = stored.Id,
        Rating = stored.Rating,
        Comment = stored.Comment,
    };
}
