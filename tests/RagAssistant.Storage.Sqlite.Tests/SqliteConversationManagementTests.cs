using Microsoft.Data.Sqlite;
using RagAssistant.Core.Answers;
using RagAssistant.Testing;
using static RagAssistant.Storage.Sqlite.Tests.SqliteConversationStoreTests;

namespace RagAssistant.Storage.Sqlite.Tests;

/// <summary>Renaming and searching conversations, on a real temp-file SQLite database.</summary>
public sealed class SqliteConversationManagementTests : IDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly ManualTimeProvider _clock = new();
    private readonly SqliteConversationStore _store;

    public SqliteConversationManagementTests() =>
        _store = new SqliteConversationStore(new SqliteDatabase(_folder.File("kb.db")), _clock);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    [Fact]
    public async Task Rename_SetsTheNormalizedTitle_WithoutMovingTheConversationInTheList()
    {
        var first = await _store.CreateAsync("first", "alice");
        _clock.Advance(TimeSpan.FromMinutes(1));
        var second = await _store.CreateAsync("second", "alice");
        _clock.Advance(TimeSpan.FromMinutes(1));

        Assert.True(await _store.RenameAsync(first, "  输出轴   第60工序\n转速 "));

        var list = await _store.ListAsync("alice", 10);
        Assert.Equal([second, first], list.Select(c => c.Id));
        Assert.Equal("输出轴 第60工序 转速", list[1].Title);
        Assert.Equal("输出轴 第60工序 转速", (await _store.GetAsync(first))!.Title);
    }

    [Fact]
    public async Task Rename_RefusesAnEmptyOrTooLongTitle_NamingTheTitle_AndReportsAnUnknownConversation()
    {
        var id = await _store.CreateAsync("kept", "alice");

        var empty = await Assert.ThrowsAsync<ArgumentException>(() => _store.RenameAsync(id, " \n "));
        Assert.Contains("title", empty.Message, StringComparison.Ordinal);
        Assert.Contains("empty", empty.Message, StringComparison.Ordinal);
        var tooLong = await Assert.ThrowsAsync<ArgumentException>(() => _store.RenameAsync(id, new string('轴', ConversationTitles.MaxLength + 1)));
        Assert.Contains($"{ConversationTitles.MaxLength + 1} characters", tooLong.Message, StringComparison.Ordinal);
        Assert.True(await _store.RenameAsync(id, new string('轴', ConversationTitles.MaxLength)));
        Assert.False(await _store.RenameAsync("no-such-conversation", "title"));
    }

    [Fact]
    public async Task Search_FindsByTitleQuestionOrAnswer_EveryWordSomewhere_CaseInsensitive()
    {
        var byTitle = await _store.CreateAsync("Spindle speeds", "alice");
        var byQuestion = await _store.CreateAsync("", "alice");
        await _store.AddTurnAsync(byQuestion, "JD-2105-0318 第60工序转速？", "q", Answer("950 r/min [1]", Cite(1, "950")));
        var byAnswer = await _store.CreateAsync("torque", "alice");
        await _store.AddTurnAsync(byAnswer, "M8 螺栓？", "q", Answer("拧紧扭矩 25±2 N·m [1]", Cite(1, "25")));
        await _store.AddTurnAsync(byAnswer, "M10 呢？", "q", Answer("48 N·m [1]", Cite(1, "48")));

        Assert.Equal([byTitle], (await _store.SearchAsync("alice", "SPINDLE", 10)).Select(c => c.Id));
        Assert.Equal([byQuestion], (await _store.SearchAsync("alice", "第60工序", 10)).Select(c => c.Id));
        Assert.Equal([byAnswer], (await _store.SearchAsync("alice", "25±2", 10)).Select(c => c.Id));
        // Words may sit in different turns, or one in the title and one in a turn; all must be somewhere.
        Assert.Equal([byAnswer], (await _store.SearchAsync("alice", "M8 48", 10)).Select(c => c.Id));
        Assert.Equal([byAnswer], (await _store.SearchAsync("alice", "torque M10", 10)).Select(c => c.Id));
        Assert.Empty(await _store.SearchAsync("alice", "M8 950", 10));
        var found = Assert.Single(await _store.SearchAsync("alice", "m10", 10));
        Assert.Equal(2, found.Turns);
    }

    [Fact]
    public async Task Search_IsScopedToTheOwner_NullSearchesEveryone()
    {
        var alices = await _store.CreateAsync("cutting fluid", "alice");
        var bobs = await _store.CreateAsync("cutting fluid", "bob");

        Assert.Equal([alices], (await _store.SearchAsync("alice", "fluid", 10)).Select(c => c.Id));
        Assert.Equal([bobs], (await _store.SearchAsync("bob", "fluid", 10)).Select(c => c.Id));
        Assert.Empty(await _store.SearchAsync("carol", "fluid", 10));
        Assert.Equal([bobs, alices], (await _store.SearchAsync(null, "fluid", 10)).Select(c => c.Id));
    }

    [Fact]
    public async Task Search_MatchesWildcardsLiterally_BlankFindsNothing_AndKeepsTheLimitAndOrder()
    {
        var percent = await _store.CreateAsync("coolant 5% mix", "alice");
        await _store.CreateAsync("coolant 50 mix", "alice");
        _clock.Advance(TimeSpan.FromMinutes(1));
        var underscore = await _store.CreateAsync("a_b", "alice");
        await _store.CreateAsync("axb", "alice");

        Assert.Equal([percent], (await _store.SearchAsync("alice", "5%", 10)).Select(c => c.Id));
        Assert.Equal([underscore], (await _store.SearchAsync("alice", "a_b", 10)).Select(c => c.Id));
        Assert.Empty(await _store.SearchAsync("alice", "   ", 10));
        var newest = await _store.SearchAsync("alice", "coolant", 1);
        Assert.Single(newest);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _store.SearchAsync("alice", "coolant", 0));
    }
}
