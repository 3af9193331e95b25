using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RagAssistant.Core.Answers;
using RagAssistant.Core.Documents;
using RagAssistant.Core.Text;
using RagAssistant.Testing;
using static RagAssistant.Storage.Sqlite.Tests.SqliteDocumentStoreTests;
using static RagAssistant.Storage.Sqlite.Tests.Sql;

namespace RagAssistant.Storage.Sqlite.Tests;

public class SqliteConversationStoreTests : IDisposable
{
    private static readonly IReadOnlyList<PageBox> NoBoxes = [];
    private readonly TempDirectory _folder = new();
    private readonly ManualTimeProvider _clock = new();
    private readonly SqliteDatabase _database;
    private readonly SqliteConversationStore _store;

    public SqliteConversationStoreTests()
    {
        _database = new SqliteDatabase(_folder.File("kb.db"));
        _store = new SqliteConversationStore(_database, _clock);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    internal static Citation Cite(int n, string text, int? page = null, params PageBox[] boxes) => new()
    {
        N = n,
        ChunkId = 100 + n,
        DocumentId = 10 + n,
        Library = "plant1",
        Source = $"manuals/doc{n}.pdf",
        Title = $"Document {n}",
        Locator = page is null ? "section 2" : $"p. {page}",
        Page = page,
        Text = text,
        Boxes = boxes,
        Score = 0.5 + n / 10.0,
    };

    internal static AnswerResult Answer(string text, params Citation[] citations) => new()
    {
        Answer = text,
        Mode = AnswerMode.Llm,
        ConversationId = "ignored",
        Citations = citations,
    };

    [Fact]
    public async Task AddTurn_RoundTripsTheAnswer_WithCitationsBoxesChecksAndTimings()
    {
        var id = await _store.CreateAsync("Spindle", "alice");
        var boxes = new[] { new PageBox(3, 72.5, 100, 520, 112.25), new PageBox(4, 72, 700.5, 300, 712) };
        var first = Cite(1, "Maximum spindle speed is 950 rpm.", 3, boxes) with { Identity = "WI-7", Revision = "B", Superseded = true };
        var second = Cite(2, "Feed 0.10 mm/rev.") with { Library = null };
        var answer = Answer("Use 950 rpm [1] at feed 0.10 [2].", first, second) with
        {
            Mode = AnswerMode.Extractive,
            Checks = new AnswerChecks(1, ["1200", "3.5"]),
            Timings = new AnswerTimings(12.5, 830.25),
        };

        var turnId = await _store.AddTurnAsync(id, "What spindle speed?", "spindle speed for part 7", answer);

        var conversation = (await _store.GetAsync(id))!;
        var turn = Assert.Single(conversation.Turns);
        Assert.Equal((turnId, "What spindle speed?", "spindle speed for part 7"), (turn.Id, turn.Question, turn.Query));
        Assert.Equal((answer.Answer, answer.Mode, id), (turn.Answer.Answer, turn.Answer.Mode, turn.Answer.ConversationId));
        Assert.Equal(1, turn.Answer.Checks.RemovedCitations);
        Assert.Equal(["1200", "3.5"], turn.Answer.Checks.UnsupportedNumbers);
        Assert.Equal(answer.Timings, turn.Answer.Timings);
        Assert.Equal(_clock.GetUtcNow(), turn.At);
        Assert.Null(turn.Rating);
        Assert.Equal(2, turn.Answer.Citations.Count);
        AssertSame(first, turn.Answer.Citations[0]);
        AssertSame(second, turn.Answer.Citations[1]);
        Assert.Equal([101L, 102L], turn.Answer.CitedChunkIds);
    }

    [Fact]
    public async Task Turns_ComeBackInTheOrderTheyWereAdded()
    {
        var id = await _store.CreateAsync("Order", null);
        var ids = new List<long>();
        foreach (var q in new[] { "one", "two", "three" })
            ids.Add(await _store.AddTurnAsync(id, q, q, Answer($"answer {q}", Cite(1, q))));

        var turns = (await _store.GetAsync(id))!.Turns;
        Assert.Equal(["one", "two", "three"], turns.Select(t => t.Question));
        Assert.Equal(ids, turns.Select(t => t.Id));
        Assert.Equal(["one", "two", "three"], turns.Select(t => Assert.Single(t.Answer.Citations).Text));
    }

    [Fact]
    public async Task List_ShowsTheOwnersConversations_MostRecentlyActiveFirst_WithTurnCounts_UpToTheLimit()
    {
        var older = await _store.CreateAsync("older", "alice");
        _clock.Advance(TimeSpan.FromMinutes(1));
        var newer = await _store.CreateAsync("newer", "alice");
        _clock.Advance(TimeSpan.FromMinutes(1));
        var bobs = await _store.CreateAsync("bob's", "bob");
        var started = _clock.GetUtcNow();
        _clock.Advance(TimeSpan.FromMinutes(1));
        // A new turn makes the older conversation the most recently active one.
        await _store.AddTurnAsync(older, "q1", "q1", Answer("a1"));
        await _store.AddTurnAsync(older, "q2", "q2", Answer("a2"));

        var alice = await _store.ListAsync("alice", 10);
        Assert.Equal([older, newer], alice.Select(c => c.Id));
        Assert.Equal([2, 0], alice.Select(c => c.Turns));
        Assert.Equal(_clock.GetUtcNow(), alice[0].UpdatedAt);
        Assert.True(alice[0].CreatedAt < alice[1].CreatedAt);

        Assert.Equal([older], (await _store.ListAsync("alice", 1)).Select(c => c.Id));
        Assert.Equal([older, bobs, newer], (await _store.ListAsync(null, 10)).Select(c => c.Id));
        Assert.Equal(new ConversationSummary(bobs, "bob's", "bob", started, started, 0), Assert.Single(await _store.ListAsync("bob", 10)));
        Assert.Empty(await _store.ListAsync("carol", 10));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _store.ListAsync(null, 0));
    }

    [Fact]
    public async Task Feedback_IsStoredAndReadBack_BadRatingsAreRejected_UnknownTurnsReportFalse()
    {
        var id = await _store.CreateAsync("Feedback", "alice");
        var turnId = await _store.AddTurnAsync(id, "q", "q", Answer("a"));

        Assert.True(await _store.SetFeedbackAsync(turnId, -1, "wrong page cited"));
        var turn = Assert.Single((await _store.GetAsync(id))!.Turns);
        Assert.Equal((-1, "wrong page cited"), (turn.Rating, turn.Comment));

        Assert.True(await _store.SetFeedbackAsync(turnId, 1, "  "));
        turn = Assert.Single((await _store.GetAsync(id))!.Turns);
        Assert.Equal((1, (string?)null), (turn.Rating, turn.Comment));

        foreach (var bad in new[] { 0, 2, -2 })
            Assert.Equal("rating", (await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _store.SetFeedbackAsync(turnId, bad, null))).ParamName);
        Assert.Equal(1, Assert.Single((await _store.GetAsync(id))!.Turns).Rating);
        Assert.False(await _store.SetFeedbackAsync(turnId + 1000, 1, null));
    }

    [Fact]
    public async Task Delete_RemovesTheConversationWithItsTurnsAndCitations()
    {
        var id = await _store.CreateAsync("Delete me", null);
        await _store.AddTurnAsync(id, "q", "q", Answer("a", Cite(1, "x"), Cite(2, "y")));
        var kept = await _store.CreateAsync("Keep me", null);
        await _store.AddTurnAsync(kept, "q", "q", Answer("a", Cite(1, "z")));

        Assert.True(await _store.DeleteAsync(id));

        Assert.Null(await _store.GetAsync(id));
        Assert.False(await _store.DeleteAsync(id));
        using var connection = _database.Open();
        Assert.Equal(1L, Scalar(connection, "SELECT count(*) FROM conversation_turns"));
        Assert.Equal(1L, Scalar(connection, "SELECT count(*) FROM turn_citations"));
        Assert.Equal("z", Assert.Single(Assert.Single((await _store.GetAsync(kept))!.Turns).Answer.Citations).Text);
    }

    [Fact]
    public async Task UnknownConversation_IsNull_AndAddingATurnToItFailsNamingTheId()
    {
        Assert.Null(await _store.GetAsync("0123456789abcdef"));
        var ex = await Assert.ThrowsAsync<KeyNotFoundException>(() => _store.AddTurnAsync("0123456789abcdef", "q", "q", Answer("a", Cite(1, "x"))));
        Assert.Contains("0123456789abcdef", ex.Message);
        using var connection = _database.Open();
        Assert.Equal(0L, Scalar(connection, "SELECT count(*) FROM conversation_turns"));
    }

    [Fact]
    public async Task Create_GivesDistinctUrlSafeIds_AndKeepsAGivenTitle()
    {
        var a = await _store.CreateAsync("  Torque   settings\n", "alice");
        var b = await _store.CreateAsync("Torque settings", "alice");
        Assert.NotEqual(a, b);
        Assert.All(new[] { a, b }, id => Assert.Matches("^[0-9a-f]{16}$", id));

        await _store.AddTurnAsync(a, "What torque for M8 bolts?", "torque M8", Answer("25 Nm"));
        var conversation = (await _store.GetAsync(a))!;
        Assert.Equal(("Torque settings", "alice", _clock.GetUtcNow()), (conversation.Title, conversation.Owner, conversation.CreatedAt));
    }

    [Fact]
    public async Task EmptyTitle_IsTakenFromTheFirstQuestion_TrimmedAndCutTo80Characters()
    {
        var shortOne = await _store.CreateAsync("", null);
        await _store.AddTurnAsync(shortOne, "  What spindle speed for part 7?  ", "q", Answer("a"));
        await _store.AddTurnAsync(shortOne, "And the feed?", "q", Answer("a"));
        Assert.Equal("What spindle speed for part 7?", (await _store.GetAsync(shortOne))!.Title);

        var longOne = await _store.CreateAsync(" ", null);
        var question = string.Concat(Enumerable.Repeat("How is the spindle calibrated? ", 5));
        await _store.AddTurnAsync(longOne, question, "q", Answer("a"));
        var title = (await _store.GetAsync(longOne))!.Title;
        Assert.True(title.Length <= 80, title);
        Assert.EndsWith("…", title);
        Assert.StartsWith("How is the spindle calibrated? How is", title);
        Assert.Equal(title, Assert.Single(await _store.ListAsync(null, 1)).Title);
    }

    [Fact]
    public async Task ChineseText_RoundTrips()
    {
        var id = await _store.CreateAsync("", "张三");
        var question = string.Concat(Enumerable.Repeat("主轴转速是多少？", 12)) + "𠀋";
        var citation = Cite(1, "主轴最高转速为 950 转/分。", 5, new PageBox(5, 10, 20, 30, 40)) with
        {
            Title = "数控车床操作手册",
            Source = "手册/车床.pdf",
            Identity = "GB/T 3077",
            Revision = "2015",
        };
        var turnId = await _store.AddTurnAsync(id, question, "主轴 转速", Answer("最高 950 转/分 [1]。", citation) with
        {
            Checks = new AnswerChecks(0, ["１２００"]),
        });
        await _store.SetFeedbackAsync(turnId, 1, "很好");

        var conversation = (await _store.GetAsync(id))!;
        var turn = Assert.Single(conversation.Turns);
        Assert.Equal((question, "主轴 转速", "最高 950 转/分 [1]。"), (turn.Question, turn.Query, turn.Answer.Answer));
        Assert.Equal("很好", turn.Comment);
        Assert.Equal(["１２００"], turn.Answer.Checks.UnsupportedNumbers);
        AssertSame(citation, Assert.Single(turn.Answer.Citations));
        Assert.Equal("张三", conversation.Owner);
        Assert.Equal(80, conversation.Title.Length);
        Assert.Equal(question[..79] + "…", conversation.Title);
        Assert.Single(await _store.ListAsync("张三", 5));
    }

    [Fact]
    public async Task Citations_StillShowTheirTextAndBoxes_AfterTheDocumentIsReplacedOrDeleted()
    {
        var documents = new SqliteDocumentStore(_database, new IdentitySegmenter());
        var box = new PageBox(2, 50, 600, 400, 615);
        var document = await documents.SaveAsync(Doc("manuals/lathe.pdf", "WI-7", "A", library: "plant1"),
            [new ChunkDraft(0, "Spindle speed 950 rpm.", "Lathe > Speeds", "p. 2", 2, 4) { Boxes = [box] }]);
        var chunk = Assert.Single(await documents.GetChunksAsync(document.Id));
        var citation = new Citation
        {
            N = 1, ChunkId = chunk.Id, DocumentId = document.Id, Library = document.Library, Source = document.Source,
            Title = document.Title, Identity = document.Identity, Revision = document.Revision, Page = chunk.Page,
            Locator = chunk.Locator, Text = chunk.Text, Boxes = chunk.Boxes, Score = 0.9,
        };
        var id = await _store.CreateAsync("", "alice");
        await _store.AddTurnAsync(id, "Spindle speed?", "spindle speed", Answer("950 rpm [1]", citation));

        await documents.SaveAsync(Doc("manuals/lathe.pdf", "WI-7", "B", library: "plant1", sha: "sha-2"), Chunks("Spindle speed 1000 rpm."));
        AssertSame(citation, Assert.Single(Assert.Single((await _store.GetAsync(id))!.Turns).Answer.Citations));

        Assert.True(await documents.DeleteAsync(document.Id));
        Assert.Empty(await documents.ListAsync());
        var shown = Assert.Single(Assert.Single((await _store.GetAsync(id))!.Turns).Answer.Citations);
        AssertSame(citation, shown);
        Assert.Equal(("Spindle speed 950 rpm.", "plant1", "A"), (shown.Text, shown.Library, shown.Revision));
        Assert.Equal([box], shown.Boxes);
    }

    [Fact]
    public void AddRagStorage_RegistersTheConversationStore()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Rag:Storage:DatabasePath"] = _folder.File("di.db") })
            .Build();
        using var services = new ServiceCollection().AddRagStorage(configuration).BuildServiceProvider();
        Assert.IsType<SqliteConversationStore>(services.GetRequiredService<IConversationStore>());
    }

    /// <summary>Citations are records, but their box lists compare by reference: compare the boxes by value.</summary>
    private static void AssertSame(Citation expected, Citation actual)
    {
        Assert.Equal(expected with { Boxes = NoBoxes }, actual with { Boxes = NoBoxes });
        Assert.Equal(expected.Boxes, actual.Boxes);
    }
}
