using Microsoft.Data.Sqlite;
using RagAssistant.Core.Feedback;
using RagAssistant.Testing;
using static RagAssistant.Storage.Sqlite.Tests.SqliteConversationStoreTests;

namespace RagAssistant.Storage.Sqlite.Tests;

/// <summary>Answers rated 👎 and the administrators' marks on them (migration 12), on a real temp-file database.</summary>
public sealed class SqliteFeedbackStoreTests : IDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
    private readonly SqliteDatabase _database;
    private readonly SqliteConversationStore _conversations;
    private readonly SqliteFeedbackStore _store;

    public SqliteFeedbackStoreTests()
    {
        _database = new SqliteDatabase(_folder.File("kb.db"));
        _conversations = new SqliteConversationStore(_database, _clock);
        _store = new SqliteFeedbackStore(_database);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    private async Task<(string Conversation, long Turn)> TurnAsync(string owner, string question, params string[] earlier)
    {
        var id = await _conversations.CreateAsync("", owner);
        foreach (var q in earlier) await _conversations.AddTurnAsync(id, q, q, Answer("earlier"));
        _clock.Advance(TimeSpan.FromMinutes(1));
        var turn = await _conversations.AddTurnAsync(id, question, question, Answer($"answer to {question} [1]", Cite(1, "主轴转速 600 r/min")));
        return (id, turn);
    }

    private FeedbackMark Mark(long turn, string passage = "主轴转速 950 r/min", string split = "dev") =>
        new(turn, "第60工序转速？", ["JD-2105-0318 有哪些工序？"], 42, 7, "line-a", "/srv/docs/JD-2105-0318.md", "工序 60", passage,
            ["950"], split, "admin", _clock.GetUtcNow());

    [Fact]
    public async Task ListNegative_HoldsOnlyThumbsDown_NewestFirst_WithCommentOwnerAndCitations()
    {
        var (_, older) = await TurnAsync("alice", "first?");
        var (_, liked) = await TurnAsync("bob", "liked?");
        var (_, newer) = await TurnAsync("carol", "second?");
        await _conversations.SetFeedbackAsync(older, -1, "wrong operation");
        await _conversations.SetFeedbackAsync(liked, 1, null);
        await _conversations.SetFeedbackAsync(newer, -1, null);

        var list = await _store.ListNegativeAsync(10);

        Assert.Equal([newer, older], list.Select(f => f.TurnId));
        var first = list[1];
        Assert.Equal(("alice", "first?", "wrong operation"), (first.Owner, first.Question, first.Comment));
        Assert.Equal("answer to first? [1]", first.Answer.Answer);
        Assert.Equal("主轴转速 600 r/min", Assert.Single(first.Answer.Citations).Text);
        Assert.Null(first.Mark);
        Assert.Single(await _store.ListNegativeAsync(1));
    }

    [Fact]
    public async Task SetMark_IsListedWithItsTurn_AndReplacedBySecondMark()
    {
        var (_, turn) = await TurnAsync("alice", "第60工序转速？");
        await _conversations.SetFeedbackAsync(turn, -1, "应为 950");

        Assert.True(await _store.SetMarkAsync(Mark(turn)));
        Assert.True(await _store.SetMarkAsync(Mark(turn, passage: "精车外圆 Φ45h6", split: "test")));

        var mark = Assert.Single(await _store.ListMarksAsync());
        Assert.Equal(turn, mark.TurnId);
        Assert.Equal(("精车外圆 Φ45h6", "test", "line-a", "/srv/docs/JD-2105-0318.md", "工序 60"), (mark.Passage, mark.Split, mark.Library, mark.Source, mark.Locator));
        Assert.Equal(["950"], mark.Expected);
        Assert.Equal(["JD-2105-0318 有哪些工序？"], mark.History);
        Assert.Equal((42L, 7L, "admin"), (mark.ChunkId, mark.DocumentId, mark.MarkedBy));
        Assert.Equal(_clock.GetUtcNow(), mark.MarkedAt);
        var listed = Assert.Single(await _store.ListNegativeAsync(10)).Mark;
        Assert.Equal((turn, "精车外圆 Φ45h6", "test"), (listed!.TurnId, listed.Passage, listed.Split));
    }

    [Fact]
    public async Task SetMark_OfATurnThatDoesNotExist_IsRefused()
    {
        Assert.False(await _store.SetMarkAsync(Mark(999)));
        Assert.Empty(await _store.ListMarksAsync());
    }

    [Fact]
    public async Task SetMark_WithAnUnknownSplit_FailsOnTheSchema()
    {
        var (_, turn) = await TurnAsync("alice", "q?");
        await Assert.ThrowsAnyAsync<Exception>(() => _store.SetMarkAsync(Mark(turn, split: "train")));
    }

    [Fact]
    public async Task Mark_OutlivesItsConversation_AndIsRemovedByDeleteMark()
    {
        var (conversation, turn) = await TurnAsync("alice", "第60工序转速？");
        await _conversations.SetFeedbackAsync(turn, -1, null);
        await _store.SetMarkAsync(Mark(turn));

        await _conversations.DeleteAsync(conversation);

        Assert.Empty(await _store.ListNegativeAsync(10));
        Assert.Equal("第60工序转速？", Assert.Single(await _store.ListMarksAsync()).Question);
        Assert.True(await _store.DeleteMarkAsync(turn));
        Assert.False(await _store.DeleteMarkAsync(turn));
        Assert.Empty(await _store.ListMarksAsync());
    }
}
