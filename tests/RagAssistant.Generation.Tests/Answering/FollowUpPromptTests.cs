using Microsoft.SemanticKernel.ChatCompletion;
using RagAssistant.Generation.Prompting;

namespace RagAssistant.Generation.Tests.Answering;

public sealed class FollowUpPromptTests
{
    [Fact]
    public void HistoryTurns_AreUserAndAssistantMessages_AndTheLastHoldsTheQuestion()
    {
        var chat = FollowUpPrompt.Build("那第40工序呢？",
            [AnswerPromptTests.Turn("JD-2105-0318 第60工序的转速？", "950 r/min [1]"), AnswerPromptTests.Turn("进给量呢？", "0.10 mm/r [1]")]);
        Assert.Equal([AuthorRole.System, AuthorRole.User, AuthorRole.Assistant, AuthorRole.User, AuthorRole.Assistant, AuthorRole.User],
            chat.Select(m => m.Role));
        Assert.Equal(FollowUpPrompt.SystemPrompt, chat[0].Content);
        Assert.Equal(["JD-2105-0318 第60工序的转速？", "950 r/min [1]", "进给量呢？", "0.10 mm/r [1]"], chat.Skip(1).Take(4).Select(m => m.Content));
        Assert.Equal("Last question: 那第40工序呢？", chat[^1].Content);
    }

    [Fact]
    public void LongAnswers_AreCut()
    {
        var answer = new string('答', 1000);
        var chat = FollowUpPrompt.Build("那第40工序呢？", [AnswerPromptTests.Turn("第60工序？", answer)]);
        var cut = chat[2].Content!;
        Assert.Equal(301, cut.Length);
        Assert.EndsWith("…", cut, StringComparison.Ordinal);
        Assert.StartsWith(answer[..300], cut, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutHistory_ThereIsOnlyTheQuestion()
    {
        var chat = FollowUpPrompt.Build("and the feed?", []);
        Assert.Equal([AuthorRole.System, AuthorRole.User], chat.Select(m => m.Role));
        Assert.Equal("Last question: and the feed?", chat[1].Content);
    }
}
