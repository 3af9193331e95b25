using Bunit;
using MudBlazor;
using RagAssistant.Core.Answers;
using RagAssistant.Web.Components.Chat;
using RagAssistant.Web.Localization;

namespace RagAssistant.Web.Tests.Components;

/// <summary>The conversation list (search, rename in place, delete), a turn's regenerate and edit buttons, and the empty page.</summary>
public sealed class ConversationComponentsTests : ComponentTest
{
    private static readonly ConversationSummary Torque = new("c1", "扭矩核对", "admin", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, 2);

    /// <summary>The list with a popover provider beside it, where MudMenu draws its items.</summary>
    private (IRenderedComponent<MudPopoverProvider> Popovers, IRenderedComponent<ConversationListItem> Item) RenderItem(
        Action<ComponentParameterCollectionBuilder<ConversationListItem>>? parameters = null, UiText? text = null)
    {
        var popovers = Context.Render<MudPopoverProvider>();
        var item = RenderWithText<ConversationListItem>(p =>
        {
            p.Add(c => c.Item, Torque);
            parameters?.Invoke(p);
        }, text);
        return (popovers, item);
    }

    private static void Choose(IRenderedComponent<MudPopoverProvider> popovers, IRenderedComponent<ConversationListItem> item, string testId)
    {
        item.Find("[data-testid=conversation-menu] button").Click();
        popovers.WaitForElement($"[data-testid={testId}]").Click();
    }

    private const string RenameInput = "[data-testid=rename-input] input, input[data-testid=rename-input]";

    /// <summary>Types into the rename box and waits until the field has taken the text (MudTextField hands it on asynchronously).</summary>
    private static void Type(IRenderedComponent<ConversationListItem> item, string text)
    {
        item.Find(RenameInput).Input(text);
        item.WaitForAssertion(() => Assert.Equal(text, item.Find(RenameInput).GetAttribute("value")));
    }

    [Fact]
    public void Rename_RaisesTheNewTitle_Normalized()
    {
        (string Id, string Title)? renamed = null;
        var (popovers, item) = RenderItem(p => p.Add(c => c.OnRename, ((string Id, string Title) r) => renamed = r));

        Choose(popovers, item, "conversation-rename");
        Type(item, "  M8  扭矩 ");
        item.Find("[data-testid=rename-save]").Click();

        // MudTextField hands a typed value on asynchronously: wait for it rather than read it at once.
        item.WaitForAssertion(() => Assert.Equal(("c1", "M8 扭矩"), renamed));
        Assert.Empty(item.FindAll("[data-testid=rename-form]"));
    }

    [Fact]
    public void Rename_WithAnEmptyOrTooLongTitle_SaysWhichFieldAndWhy_AndRaisesNothing()
    {
        var raised = false;
        var (popovers, item) = RenderItem(p => p.Add(c => c.OnRename, ((string Id, string Title) _) => raised = true));
        Choose(popovers, item, "conversation-rename");

        Type(item, "   ");
        item.Find("[data-testid=rename-save]").Click();
        item.WaitForAssertion(() => Assert.Contains("标题不能为空", item.Markup, StringComparison.Ordinal));

        Type(item, new string('轴', ConversationTitles.MaxLength + 5));
        item.Find("[data-testid=rename-save]").Click();
        item.WaitForAssertion(() => Assert.Contains($"标题最多 {ConversationTitles.MaxLength} 个字符，现在有 {ConversationTitles.MaxLength + 5} 个",
            item.Markup, StringComparison.Ordinal));

        Assert.False(raised);
        Assert.NotEmpty(item.FindAll("[data-testid=rename-form]"));
    }

    [Fact]
    public void TitleProblems_NameTheFieldInEnglishToo()
    {
        Assert.Equal("Title must not be empty", ConversationListItem.Problem("", ConversationText.English));
        Assert.Equal($"Title may have at most {ConversationTitles.MaxLength} characters; it has 81",
            ConversationListItem.Problem(new string('x', 81), ConversationText.English));
        Assert.Null(ConversationListItem.Problem(new string('x', 80), ConversationText.English));
    }

    [Fact]
    public void Delete_RaisesTheConversation()
    {
        ConversationSummary? deleted = null;
        var (popovers, item) = RenderItem(p => p.Add(c => c.OnDelete, (ConversationSummary c) => deleted = c));

        Choose(popovers, item, "conversation-delete");

        item.WaitForAssertion(() => Assert.Equal(Torque, deleted));
    }

    [Fact]
    public void List_LinksEachConversation_SaysWhenASearchFindsNothing_AndRaisesTheSearchText()
    {
        var searched = new List<string>();
        var list = RenderWithText<ConversationList>(p => p.Add(c => c.Items, [Torque]).Add(c => c.OnSearch, (string s) => searched.Add(s)));

        Assert.Equal("/c/c1", list.Find("[data-testid=conversation-link]").GetAttribute("href"));
        Assert.Equal("扭矩核对", list.Find("[data-testid=conversation-title]").TextContent);

        list.Find("[data-testid=conversation-search] input, input[data-testid=conversation-search]").Input(" 扭矩 ");
        list.WaitForAssertion(() => Assert.Equal(["扭矩"], searched));
        list.Render(p => p.Add(c => c.Items, []));
        Assert.Equal("没有找到匹配的对话", list.Find("[data-testid=no-matches]").TextContent);
    }

    [Fact]
    public void Turn_OffersRegenerateOnlyWhenAllowed_AndEditAlways_EachWithItsLabel()
    {
        var regenerated = 0;
        var edited = 0;
        var turn = new ChatTurn("M8 扭矩？")
        {
            Text = "25±2 N·m [1]",
            Answer = new AnswerResult { Answer = "25±2 N·m [1]", Mode = AnswerMode.Llm, ConversationId = "c1" },
            TurnId = 3,
        };
        var view = RenderWithText<ChatTurnView>(p => p.Add(c => c.Turn, turn).Add(c => c.CanRegenerate, false)
            .Add(c => c.OnRegenerate, () => regenerated++).Add(c => c.OnEdit, () => edited++));

        Assert.Empty(view.FindAll("[data-testid=regenerate]"));
        view.Find("[data-testid=edit-question]").Click();
        Assert.Equal(UiText.Chinese.Chat.EditQuestion, view.Find("[data-testid=edit-question]").GetAttribute("aria-label"));

        view.Render(p => p.Add(c => c.CanRegenerate, true));
        view.Find("[data-testid=regenerate]").Click();
        Assert.Equal(UiText.Chinese.Chat.Regenerate, view.Find("[data-testid=regenerate]").GetAttribute("aria-label"));
        // MudBlazor's buttons raise OnClick asynchronously: wait for the handlers rather than read the counts at once.
        view.WaitForAssertion(() => Assert.Equal((1, 1), (regenerated, edited)));
    }

    [Fact]
    public void FailedTurn_CanBeAskedAgain()
    {
        var regenerated = 0;
        var turn = new ChatTurn("M8 扭矩？") { Error = "timeout" };
        var view = RenderWithText<ChatTurnView>(p => p.Add(c => c.Turn, turn).Add(c => c.CanRegenerate, true).Add(c => c.OnRegenerate, () => regenerated++));

        view.Find("[data-testid=regenerate]").Click();

        view.WaitForAssertion(() => Assert.Equal(1, regenerated));
    }

    [Fact]
    public void Welcome_ShowsTheExamples_AndClickingOneAsksIt()
    {
        string? asked = null;
        var view = RenderWithText<AskWelcome>(p => p.Add(c => c.Examples, ["WI-AS-021 中“拧紧要求”是怎么规定的？", "Q/JD 402 规定了哪些主要要求？"])
            .Add(c => c.OnAsk, (string q) => asked = q));

        var examples = view.FindAll("[data-testid=example-question]");
        Assert.Equal(2, examples.Count);
        examples[1].Click();

        Assert.Equal("Q/JD 402 规定了哪些主要要求？", asked);
        Assert.Contains(UiText.Chinese.Chat.Welcome, view.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Welcome_WithoutExamples_StillWelcomes()
    {
        var view = RenderWithText<AskWelcome>(p => p.Add(c => c.Examples, []), UiText.English);

        Assert.Empty(view.FindAll("[data-testid=example-questions]"));
        Assert.Contains("Hello!", view.Find("[data-testid=welcome]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void IngestionNotice_CountsTheFiles_AndGoesAwayAtZero()
    {
        var view = RenderWithText<IngestionNotice>(p => p.Add(c => c.Pending, 3));
        Assert.Contains("正在导入 3 个文件，回答可能不完整", view.Find("[data-testid=ingestion-notice]").TextContent, StringComparison.Ordinal);

        view.Render(p => p.Add(c => c.Pending, 0));

        Assert.Empty(view.FindAll("[data-testid=ingestion-notice]"));
    }
}
