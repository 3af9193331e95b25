using Bunit;
using RagAssistant.Core.Answers;
using RagAssistant.Core.Feedback;
using RagAssistant.Web.Components.Tools;
using RagAssistant.Web.Feedback;
using RagAssistant.Web.Localization;

namespace RagAssistant.Web.Tests.Components;

/// <summary>One 👎 answer on the feedback review page: what it shows, and what the mark form hands to the page.</summary>
public sealed class FeedbackItemTests : ComponentTest
{
    private static NegativeFeedback Feedback(FeedbackMark? mark = null) => new(7, "c1", "alice", "第60工序转速是多少？",
        new AnswerResult
        {
            Answer = "转速 600 r/min [1]", Mode = AnswerMode.Extractive, ConversationId = "c1",
            Citations =
            [
                new Citation
                {
                    N = 1, ChunkId = 11, DocumentId = 3, Library = "default", Source = "/srv/plant/docs/JD-2105-0318.md", Title = "输出轴 工序卡",
                    Locator = "table 2 row 6", Text = "工序 50 粗车外圆 主轴转速 600 r/min",
                },
            ],
        }, "应该是精车的转速", DateTimeOffset.UnixEpoch, mark);

    private static string Input(string testId) => $"input[data-testid={testId}], [data-testid={testId}] input";

    [Fact]
    public void ShowsQuestionAnswerCommentUserAndSources_ByFileNameAndLocalisedLabels()
    {
        var view = RenderWithText<FeedbackItem>(p => p.Add(c => c.Feedback, Feedback()));

        Assert.Equal("第60工序转速是多少？", view.Find("[data-testid=feedback-question]").TextContent);
        Assert.Contains("600 r/min", view.Find("[data-testid=feedback-answer]").TextContent);
        Assert.Equal("应该是精车的转速", view.Find("[data-testid=feedback-comment]").TextContent);
        Assert.Contains("alice", view.Find("[data-testid=feedback-user]").TextContent);
        var source = view.Find("[data-testid=passage-choice]");
        Assert.Contains("JD-2105-0318.md", source.TextContent);
        Assert.Contains("默认库", source.TextContent);
        Assert.Contains("表2 第6行", source.TextContent);
        Assert.DoesNotContain("/srv/", view.Markup);
        Assert.Equal("false", view.Find("[data-testid=feedback-item]").GetAttribute("data-marked"));
    }

    [Fact]
    public void ChoosingASource_SuggestsItsWords_AndSaveHandsTheRequestToThePage()
    {
        FeedbackMarkRequest? saved = null;
        var view = RenderWithText<FeedbackItem>(p => p
            .Add(c => c.Feedback, Feedback())
            .Add(c => c.OnSave, ((NegativeFeedback Feedback, FeedbackMarkRequest Request) s) => saved = s.Request));

        view.Find("[data-testid=passage-choose]").Click();
        view.Find(Input("feedback-expected")).Change("950");
        view.Find("[data-testid=feedback-split]").Change("test");
        view.Find("[data-testid=feedback-save]").Click();

        Assert.NotNull(saved);
        Assert.Equal(11, saved.Passage!.ChunkId);
        Assert.Equal("工序 50 粗车外圆 主轴转速 600 r/min", saved.Words);
        Assert.Equal(("950", "test"), (saved.Expected, saved.Split));
        Assert.Equal("11", view.Find("[data-testid=feedback-chosen]").GetAttribute("data-chunk"));
    }

    [Fact]
    public void Problems_AreShownNamingTheFieldAndTheReason()
    {
        var view = RenderWithText<FeedbackItem>(p => p
            .Add(c => c.Feedback, Feedback())
            .Add(c => c.Problems, [FeedbackMarkProblem.PassageTooShort, FeedbackMarkProblem.ExpectedEmpty]), UiText.English);

        var problems = view.FindAll("[data-testid=feedback-problem]").Select(e => e.TextContent).ToList();
        Assert.Equal(["Passage words: too short, at least 6 characters (not counting spaces).", "A right answer contains: must not be empty."], problems);
    }

    [Fact]
    public void AMarkedAnswer_StartsFromItsMark()
    {
        var mark = new FeedbackMark(7, "第60工序转速是多少？", [], 11, 3, "default", "/srv/plant/docs/JD-2105-0318.md", "table 2 row 6",
            "主轴转速 600", ["950", "精车"], "test", "admin", DateTimeOffset.UnixEpoch);

        var view = RenderWithText<FeedbackItem>(p => p.Add(c => c.Feedback, Feedback(mark)));

        Assert.Equal("true", view.Find("[data-testid=feedback-item]").GetAttribute("data-marked"));
        Assert.Equal("主轴转速 600", view.Find(Input("feedback-words")).GetAttribute("value"));
        Assert.Equal("950; 精车", view.Find(Input("feedback-expected")).GetAttribute("value"));
        Assert.Equal("true", view.Find("[data-testid=passage-choice]").GetAttribute("data-chosen"));
        Assert.NotEmpty(view.FindAll("[data-testid=feedback-remove]"));
    }
}
