using RagAssistant.Core.Answers;
using RagAssistant.Core.Feedback;
using RagAssistant.Testing;
using static RagAssistant.Testing.ConversationSamples;

namespace RagAssistant.Storage.Contract.Tests;

/// <summary>Answers rated 👎 and the administrators' marks on them (<see cref="IFeedbackStore"/>), the same on every store.</summary>
public abstract class FeedbackStoreContract() : ConversationContract(new ManualTimeProvider(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero)))
{
    private IConversationStore Conversations => Stores.Conversations;
    private IFeedbackStore Store => Stores.Feedback;

    private async Task<(string Conversation, long Turn)> TurnAsync(string owner, string question, params string[] earlier)
    {
        var id = await Conversations.CreateAsync("", owner);
        foreach (var q in earlier) await Conversations.AddTurnAsync(id, q, q, Answer("earlier"));
        Clock.Advance(TimeSpan.FromMinutes(1));
        var turn = await Conversations.AddTurnAsync(id, question, question, Answer($"answer to {question} [1]", Cite(1, "主轴转速 600 r/min")));
        return (id, turn);
    }

    private FeedbackMark Mark(long turn, string passage = "主轴转速 950 r/min", string split = "dev") =>
        new(turn, "第60工序转速？", ["JD-2105-0318 有哪些工序？"], 42, 7, "line-a", "/srv/docs/JD-2105-0318.md", "工序 60", passage,
            ["950"], split, "admin", Clock.GetUtcNow());

    [SkippableFact]
    public async Task ListNegative_HoldsOnlyThumbsDown_NewestFirst_WithCommentOwnerAndCitations()
    {
        await OpenAsync();
        var (_, older) = await TurnAsync("alice", "first?");
        var (_, liked) = await TurnAsync("bob", "liked?");
        var (_, newer) = await TurnAsync("carol", "second?");
        await Conversations.SetFeedbackAsync(older, -1, "wrong operation");
        await Conversations.SetFeedbackAsync(liked, 1, null);
        await Conversations.SetFeedbackAsync(newer, -1, null);

        var list = await Store.ListNegativeAsync(10);

        Assert.Equal([newer, older], list.Select(f => f.TurnId));
        var first = list[1];
        Assert.Equal(("alice", "first?", "wrong operation"), (first.Owner, first.Question, first.Comment));
        Assert.Equal("answer to first? [1]", first.Answer.Answer);
        Assert.Equal("主轴转速 600 r/min", Assert.Single(first.Answer.Citations).Text);
        Assert.Null(first.Mark);
        Assert.Single(await Store.ListNegativeAsync(1));
    }

    [SkippableFact]
    public async Task SetMark_IsListedWithItsTurn_AndReplacedBySecondMark()
    {
        await OpenAsync();
        var (_, turn) = await TurnAsync("alice", "第60工序转速？");
        await Conversations.SetFeedbackAsync(turn, -1, "应为 950");

        Assert.True(await Store.SetMarkAsync(Mark(turn)));
        Assert.True(await Store.SetMarkAsync(Mark(turn, passage: "精车外圆 Φ45h6", split: "test")));

        var mark = Assert.Single(await Store.ListMarksAsync());
        Assert.Equal(turn, mark.TurnId);
        Assert.Equal(("精车外圆 Φ45h6", "test", "line-a", "/srv/docs/JD-2105-0318.md", "工序 60"), (mark.Passage, mark.Split, mark.Library, mark.Source, mark.Locator));
        Assert.Equal(["950"], mark.Expected);
        Assert.Equal(["JD-2105-0318 有哪些工序？"], mark.History);
        Assert.Equal((42L, 7L, "admin"), (mark.ChunkId, mark.DocumentId, mark.MarkedBy));
        Assert.Equal(Clock.GetUtcNow(), mark.MarkedAt);
        var listed = Assert.Single(await Store.ListNegativeAsync(10)).Mark;
        Assert.Equal((turn, "精车外圆 Φ45h6", "test"), (listed!.TurnId, listed.Passage, listed.Split));
    }

    [SkippableFact]
    public async Task SetMark_OfATurnThatDoesNotExist_IsRefused()
    {
        await OpenAsync();
        Assert.False(await Store.SetMarkAsync(Mark(999)));
        Assert.Empty(await Store.ListMarksAsync());
    }

    [SkippableFact]
    public async Task SetMark_WithAnUnknownSplit_FailsOnTheSchema()
    {
        await OpenAsync();
        var (_, turn) = await TurnAsync("alice", "q?");
        await Assert.ThrowsAnyAsync<Exception>(() => Store.SetMarkAsync(Mark(turn, split: "train")));
    }

    [SkippableFact]
    public async Task Mark_OutlivesItsConversation_AndIsRemovedByDeleteMark()
    {
        await OpenAsync();
        var (conversation, turn) = await TurnAsync("alice", "第60工序转速？");
        await Conversations.SetFeedbackAsync(turn, -1, null);
        await Store.SetMarkAsync(Mark(turn));

        await Conversations.DeleteAsync(conversation);

        Assert.Empty(await Store.ListNegativeAsync(10));
        Assert.Equal("第60工序转速？", Assert.Single(await Store.ListMarksAsync()).Question);
        Assert.True(await Store.DeleteMarkAsync(turn));
        Assert.False(await Store.DeleteMarkAsync(turn));
        Assert.Empty(await Store.ListMarksAsync());
    }
}

public sealed class SqliteFeedbackStoreContract : FeedbackStoreContract
{
    protected override Task<ConversationStores> OpenStoresAsync(TimeProvider clock) => Task.FromResult<ConversationStores>(ConversationStoresOnSqlite.Open(clock));
}

public sealed class PostgresFeedbackStoreContract : FeedbackStoreContract
{
    protected override async Task<ConversationStores> OpenStoresAsync(TimeProvider clock) => await ConversationStoresOnPostgres.OpenAsync(clock);
}
