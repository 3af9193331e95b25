using Microsoft.Data.Sqlite;
using RagAssistant.Core.Answers;
using RagAssistant.Core.Evaluation;
using RagAssistant.Core.Feedback;
using RagAssistant.Retrieval.Evaluation;
using RagAssistant.Storage.Sqlite;
using RagAssistant.Testing;
using RagAssistant.Web.Tests.Load;

namespace RagAssistant.Web.Tests.Feedback;

/// <summary>
/// Marked 👎 answers exported as EVAL.md questions: the file round-trips through the loader <c>rag eval</c> uses
/// (<see cref="EvalRunner.ReadQuestions(string)"/>), its gold item matches the marked chunk by EVAL.md's rule, and
/// <c>rag feedback export</c> writes the same file.
/// </summary>
public sealed class FeedbackExportTests : IDisposable
{
    private const string StoredSource = "/srv/plant/docs/JD-2105-0318_输出轴_工序卡.md";
    private const string ChunkText = "工序 60 精车外圆 Φ45h6 主轴转速 950 r/min 进给量 0.08 mm/r";

    private readonly TempDirectory _folder = new();
    private readonly SqliteDatabase _database;
    private readonly SqliteConversationStore _conversations;
    private readonly SqliteFeedbackStore _store;

    public FeedbackExportTests()
    {
        _database = new SqliteDatabase(_folder.File("kb.db"));
        _conversations = new SqliteConversationStore(_database, TimeProvider.System);
        _store = new SqliteFeedbackStore(_database);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    private async Task<long> MarkAsync(string question, string split, params string[] expected)
    {
        var conversation = await _conversations.CreateAsync("", "alice");
        var turn = await _conversations.AddTurnAsync(conversation, question, question,
            new AnswerResult { Answer = "600 r/min", Mode = AnswerMode.Extractive, ConversationId = conversation });
        await _conversations.SetFeedbackAsync(turn, -1, "不对");
        await _store.SetMarkAsync(new FeedbackMark(turn, question, ["这张卡有哪些工序？"], 42, 7, "default", StoredSource, "工序 60",
            "精车外圆 Φ45h6", expected, split, "admin", DateTimeOffset.UtcNow));
        return turn;
    }

    [Fact]
    public async Task Export_RoundTripsThroughTheEvalLoader_WithTheGoldPassageMatchingTheMarkedChunk()
    {
        var zh = await MarkAsync("JD-2105-0318 第60工序转速是多少？", FeedbackMarkRules.Dev, "950", "r/min");
        var en = await MarkAsync("Spindle speed of operation 60?", FeedbackMarkRules.Test, "950");
        var path = _folder.File("feedback.jsonl");
        await File.WriteAllTextAsync(path, FeedbackQuestions.ToJsonl(FeedbackQuestions.From(await _store.ListMarksAsync())));

        var questions = EvalRunner.ReadQuestions([path]);

        Assert.Equal([$"fb-{zh}", $"fb-{en}"], questions.Select(q => q.Id));
        var q = questions[0];
        Assert.Equal(("JD-2105-0318 第60工序转速是多少？", "zh", "dev", "feedback"), (q.Question, q.Lang, q.Split, q.Kind));
        Assert.Equal(["950", "r/min"], q.AnswerContains);
        Assert.Equal(["这张卡有哪些工序？"], q.History);
        var gold = Assert.Single(q.Gold);
        Assert.Equal(("JD-2105-0318_输出轴_工序卡.md", "精车外圆 Φ45h6"), (gold.Source, gold.Contains));
        Assert.True(GoldMatcher.Matches(gold, StoredSource, ChunkText, tokenCount: 40));
        Assert.True(q.Answerable);
        Assert.Equal(("en", "test"), (questions[1].Lang, questions[1].Split));
        // One JSON object a line, Chinese as written (people read these files too).
        Assert.Contains("第60工序", await File.ReadAllTextAsync(path));
        Assert.Equal(2, (await File.ReadAllLinesAsync(path)).Length);
    }

    [Fact]
    public async Task Export_OfOneSplit_HoldsOnlyItsQuestions()
    {
        await MarkAsync("第60工序转速？", FeedbackMarkRules.Dev, "950");
        var test = await MarkAsync("第50工序转速？", FeedbackMarkRules.Test, "600");

        var questions = FeedbackQuestions.From(await _store.ListMarksAsync(), FeedbackMarkRules.Test);

        Assert.Equal($"fb-{test}", Assert.Single(questions).Id);
    }

    [Fact]
    public async Task RagFeedbackExport_WritesTheFileTheEvalLoaderReads()
    {
        var turn = await MarkAsync("第60工序转速？", FeedbackMarkRules.Dev, "950");
        SqliteConnection.ClearAllPools();
        var path = _folder.File("out.jsonl");

        var run = await RagCommand.RunAsync(_folder.Path, "feedback", "export", "--out", path, "--db", _folder.File("kb.db"));

        Assert.True(run.ExitCode == 0, run.ToString());
        var question = Assert.Single(EvalRunner.ReadQuestions(path));
        Assert.Equal(($"fb-{turn}", "dev"), (question.Id, question.Split));
        Assert.Equal("精车外圆 Φ45h6", Assert.Single(question.Gold).Contains);
    }

    [Theory]
    [InlineData(null, "精车外圆 Φ45h6", "950", "dev", FeedbackMarkProblem.NoPassageChosen)]
    [InlineData(ChunkText, "", "950", "dev", FeedbackMarkProblem.PassageEmpty)]
    [InlineData(ChunkText, "精车 外", "950", "dev", FeedbackMarkProblem.PassageTooShort)]
    [InlineData(ChunkText, "粗车外圆 Φ50", "950", "dev", FeedbackMarkProblem.PassageNotInChunk)]
    [InlineData(ChunkText, "精车外圆 Φ45h6", " ; ", "dev", FeedbackMarkProblem.ExpectedEmpty)]
    [InlineData(ChunkText, "精车外圆 Φ45h6", "950", "train", FeedbackMarkProblem.SplitUnknown)]
    public void MarkRules_RefuseBadInput_ByFieldAndReason(string? indexed, string passage, string expected, string split, FeedbackMarkProblem problem) =>
        Assert.Equal([problem], FeedbackMarkRules.Check(indexed, passage, expected, split));

    [Fact]
    public void MarkRules_AcceptAPassageOfTheChunk_WhateverItsSpacingAndWidth()
    {
        Assert.Empty(FeedbackMarkRules.Check(ChunkText, "精车外圆Φ45H6", "950；r/min", "test"));
        Assert.Equal([FeedbackMarkProblem.PassageTooLong], FeedbackMarkRules.Check(ChunkText, new string('精', 201), "950", "dev"));
        Assert.Equal([FeedbackMarkProblem.ExpectedTooLong], FeedbackMarkRules.Check(ChunkText, "精车外圆 Φ45h6", new string('9', 101), "dev"));
    }
}
