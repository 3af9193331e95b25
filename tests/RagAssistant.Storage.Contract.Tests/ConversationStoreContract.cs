using RagAssistant.Core.Answers;
using RagAssistant.Core.Documents;
using static RagAssistant.Testing.ConversationSamples;

namespace RagAssistant.Storage.Contract.Tests;

/// <summary>Conversations, their turns and citations (<see cref="IConversationStore"/>), the same on every store.</summary>
public abstract class ConversationStoreContract : ConversationContract
{
    private IConversationStore Store => Stores.Conversations;

    [SkippableFact]
    public async Task AddTurn_RoundTripsTheAnswer_WithCitationsBoxesChecksAndTimings()
    {
        await OpenAsync();
        var id = await Store.CreateAsync("Spindle", "alice");
        var boxes = new[] { new PageBox(3, 72.5, 100, 520, 112.25), new PageBox(4, 72, 700.5, 300, 712) };
        var first = Cite(1, "Maximum spindle speed is 950 rpm.", 3, boxes) with { Identity = "WI-7", Revision = "B", Superseded = true };
        var second = Cite(2, "Feed 0.10 mm/rev.") with { Library = null };
        var answer = Answer("Use 950 rpm [1] at feed 0.10 [2].", first, second) with
        {
            Mode = AnswerMode.Extractive,
            Checks = new AnswerChecks(1, ["1200", "3.5"]),
            Timings = new AnswerTimings(12.5, 830.25),
        };

        var turnId = await Store.AddTurnAsync(id, "What spindle speed?", "spindle speed for part 7", answer);

        var conversation = (await Store.GetAsync(id))!;
        var turn = Assert.Single(conversation.Turns);
        Assert.Equal((turnId, "What spindle speed?", "spindle speed for part 7"), (turn.Id, turn.Question, turn.Query));
        Assert.Equal((answer.Answer, answer.Mode, id), (turn.Answer.Answer, turn.Answer.Mode, turn.Answer.ConversationId));
        Assert.Equal(1, turn.Answer.Checks.RemovedCitations);
        Assert.Equal(["1200", "3.5"], turn.Answer.Checks.UnsupportedNumbers);
        Assert.Equal(answer.Timings, turn.Answer.Timings);
        Assert.Equal(Clock.GetUtcNow(), turn.At);
        Assert.Null(turn.Rating);
        Assert.Equal(2, turn.Answer.Citations.Count);
        AssertSameCitation(first, turn.Answer.Citations[0]);
        AssertSameCitation(second, turn.Answer.Citations[1]);
        Assert.Equal([101L, 102L], turn.Answer.CitedChunkIds);
    }

    [SkippableFact]
    public async Task Turns_ComeBackInTheOrderTheyWereAdded()
    {
        await OpenAsync();
        var id = await Store.CreateAsync("Order", null);
        var ids = new List<long>();
        foreach (var q in new[] { "one", "two", "three" })
            ids.Add(await Store.AddTurnAsync(id, q, q, Answer($"answer {q}", Cite(1, q))));

        var turns = (await Store.GetAsync(id))!.Turns;
        Assert.Equal(["one", "two", "three"], turns.Select(t => t.Question));
        Assert.Equal(ids, turns.Select(t => t.Id));
        Assert.Equal(["one", "two", "three"], turns.Select(t => Assert.Single(t.Answer.Citations).Text));
    }

    [SkippableFact]
    public async Task List_ShowsTheOwnersConversations_MostRecentlyActiveFirst_WithTurnCounts_UpToTheLimit()
    {
        await OpenAsync();
        var older = await Store.CreateAsync("older", "alice");
        Clock.Advance(TimeSpan.FromMinutes(1));
        var newer = await Store.CreateAsync("newer", "alice");
        Clock.Advance(TimeSpan.FromMinutes(1));
        var bobs = await Store.CreateAsync("bob's", "bob");
        var started = Clock.GetUtcNow();
        Clock.Advance(TimeSpan.FromMinutes(1));
        // A new turn makes the older conversation the most recently active one.
        await Store.AddTurnAsync(older, "q1", "q1", Answer("a1"));
        await Store.AddTurnAsync(older, "q2", "q2", Answer("a2"));

        var alice = await Store.ListAsync("alice", 10);
        Assert.Equal([older, newer], alice.Select(c => c.Id));
        Assert.Equal([2, 0], alice.Select(c => c.Turns));
        Assert.Equal(Clock.GetUtcNow(), alice[0].UpdatedAt);
        Assert.True(alice[0].CreatedAt < alice[1].CreatedAt);

        Assert.Equal([older], (await Store.ListAsync("alice", 1)).Select(c => c.Id));
        Assert.Equal([older, bobs, newer], (await Store.ListAsync(null, 10)).Select(c => c.Id));
        Assert.Equal(new ConversationSummary(bobs, "bob's", "bob", started, started, 0), Assert.Single(await Store.ListAsync("bob", 10)));
        Assert.Empty(await Store.ListAsync("carol", 10));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.ListAsync(null, 0));
    }

    [SkippableFact]
    public async Task Feedback_IsStoredAndReadBack_BadRatingsAreRejected_UnknownTurnsReportFalse()
    {
        await OpenAsync();
        var id = await Store.CreateAsync("Feedback", "alice");
        var turnId = await Store.AddTurnAsync(id, "q", "q", Answer("a"));

        Assert.True(await Store.SetFeedbackAsync(turnId, -1, "wrong page cited"));
        var turn = Assert.Single((await Store.GetAsync(id))!.Turns);
        Assert.Equal((-1, "wrong page cited"), (turn.Rating, turn.Comment));

        Assert.True(await Store.SetFeedbackAsync(turnId, 1, "  "));
        turn = Assert.Single((await Store.GetAsync(id))!.Turns);
        Assert.Equal((1, (string?)null), (turn.Rating, turn.Comment));

        foreach (var bad in new[] { 0, 2, -2 })
            Assert.Equal("rating", (await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.SetFeedbackAsync(turnId, bad, null))).ParamName);
        Assert.Equal(1, Assert.Single((await Store.GetAsync(id))!.Turns).Rating);
        Assert.False(await Store.SetFeedbackAsync(turnId + 1000, 1, null));
    }

    [SkippableFact]
    public async Task Delete_RemovesTheConversationWithItsTurnsAndCitations()
    {
        await OpenAsync();
        var id = await Store.CreateAsync("Delete me", null);
        await Store.AddTurnAsync(id, "q", "q", Answer("a", Cite(1, "x"), Cite(2, "y")));
        var kept = await Store.CreateAsync("Keep me", null);
        await Store.AddTurnAsync(kept, "q", "q", Answer("a", Cite(1, "z")));

        Assert.True(await Store.DeleteAsync(id));

        Assert.Null(await Store.GetAsync(id));
        Assert.False(await Store.DeleteAsync(id));
        Assert.Equal(1L, await Stores.CountAsync("conversation_turns"));
        Assert.Equal(1L, await Stores.CountAsync("turn_citations"));
        Assert.Equal("z", Assert.Single(Assert.Single((await Store.GetAsync(kept))!.Turns).Answer.Citations).Text);
    }

    [SkippableFact]
    public async Task UnknownConversation_IsNull_AndAddingATurnToItFailsNamingTheId()
    {
        await OpenAsync();
        Assert.Null(await Store.GetAsync("0123456789abcdef"));
        var ex = await Assert.ThrowsAsync<KeyNotFoundException>(() => Store.AddTurnAsync("0123456789abcdef", "q", "q", Answer("a", Cite(1, "x"))));
        Assert.Contains("0123456789abcdef", ex.Message);
        Assert.Equal(0L, await Stores.CountAsync("conversation_turns"));
    }

    [SkippableFact]
    public async Task Create_GivesDistinctUrlSafeIds_AndKeepsAGivenTitle()
    {
        await OpenAsync();
        var a = await Store.CreateAsync("  Torque   settings\n", "alice");
        var b = await Store.CreateAsync("Torque settings", "alice");
        Assert.NotEqual(a, b);
        Assert.All(new[] { a, b }, id => Assert.Matches("^[0-9a-f]{16}$", id));

        await Store.AddTurnAsync(a, "What torque for M8 bolts?", "torque M8", Answer("25 Nm"));
        var conversation = (await Store.GetAsync(a))!;
        Assert.Equal(("Torque settings", "alice", Clock.GetUtcNow()), (conversation.Title, conversation.Owner, conversation.CreatedAt));
    }

    [SkippableFact]
    public async Task EmptyTitle_IsTakenFromTheFirstQuestion_TrimmedAndCutTo80Characters()
    {
        await OpenAsync();
        var shortOne = await Store.CreateAsync("", null);
        await Store.AddTurnAsync(shortOne, "  What spindle speed for part 7?  ", "q", Answer("a"));
        await Store.AddTurnAsync(shortOne, "And the feed?", "q", Answer("a"));
        Assert.Equal("What spindle speed for part 7?", (await Store.GetAsync(shortOne))!.Title);

        var longOne = await Store.CreateAsync(" ", null);
        var question = string.Concat(Enumerable.Repeat("How is the spindle calibrated? ", 5));
        await Store.AddTurnAsync(longOne, question, "q", Answer("a"));
        var title = (await Store.GetAsync(longOne))!.Title;
        Assert.True(title.Length <= 80, title);
        Assert.EndsWith("…", title);
        Assert.StartsWith("How is the spindle calibrated? How is", title);
        Assert.Equal(title, Assert.Single(await Store.ListAsync(null, 1)).Title);
    }

    [SkippableFact]
    public async Task ChineseText_RoundTrips()
    {
        await OpenAsync();
        var id = await Store.CreateAsync("", "张三");
        var question = string.Concat(Enumerable.Repeat("主轴转速是多少？", 12)) + "𠀋";
        var citation = Cite(1, "主轴最高转速为 950 转/分。", 5, new PageBox(5, 10, 20, 30, 40)) with
        {
            Title = "数控车床操作手册",
            Source = "手册/车床.pdf",
            Identity = "GB/T 3077",
            Revision = "2015",
        };
        var turnId = await Store.AddTurnAsync(id, question, "主轴 转速", Answer("最高 950 转/分 [1]。", citation) with
        {
            Checks = new AnswerChecks(0, ["１２００"]),
        });
        await Store.SetFeedbackAsync(turnId, 1, "很好");

        var conversation = (await Store.GetAsync(id))!;
        var turn = Assert.Single(conversation.Turns);
        Assert.Equal((question, "主轴 转速", "最高 950 转/分 [1]。"), (turn.Question, turn.Query, turn.Answer.Answer));
        Assert.Equal("很好", turn.Comment);
        Assert.Equal(["１２００"], turn.Answer.Checks.UnsupportedNumbers);
        AssertSameCitation(citation, Assert.Single(turn.Answer.Citations));
        Assert.Equal("张三", conversation.Owner);
        Assert.Equal(80, conversation.Title.Length);
        Assert.Equal(question[..79] + "…", conversation.Title);
        Assert.Single(await Store.ListAsync("张三", 5));
    }
}

public sealed class SqliteConversationStoreContract : ConversationStoreContract
{
    protected override Task<ConversationStores> OpenStoresAsync(TimeProvider clock) => Task.FromResult<ConversationStores>(ConversationStoresOnSqlite.Open(clock));
}

public sealed class PostgresConversationStoreContract : ConversationStoreContract
{
    protected override async Task<ConversationStores> OpenStoresAsync(TimeProvider clock) => await ConversationStoresOnPostgres.OpenAsync(clock);
}
