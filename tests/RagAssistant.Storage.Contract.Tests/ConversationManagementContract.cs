using RagAssistant.Core.Answers;
using static RagAssistant.Testing.ConversationSamples;

namespace RagAssistant.Storage.Contract.Tests;

/// <summary>Renaming and searching conversations, the same on every store.</summary>
public abstract class ConversationManagementContract : ConversationContract
{
    private IConversationStore Store => Stores.Conversations;

    [SkippableFact]
    public async Task Rename_SetsTheNormalizedTitle_WithoutMovingTheConversationInTheList()
    {
        await OpenAsync();
        var first = await Store.CreateAsync("first", "alice");
        Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await Store.CreateAsync("second", "alice");
        Clock.Advance(TimeSpan.FromMinutes(1));

        Assert.True(await Store.RenameAsync(first, "  输出轴   第60工序\n转速 "));

        var list = await Store.ListAsync("alice", 10);
        Assert.Equal([second, first], list.Select(c => c.Id));
        Assert.Equal("输出轴 第60工序 转速", list[1].Title);
        Assert.Equal("输出轴 第60工序 转速", (await Store.GetAsync(first))!.Title);
    }

    [SkippableFact]
    public async Task Rename_RefusesAnEmptyOrTooLongTitle_NamingTheTitle_AndReportsAnUnknownConversation()
    {
        await OpenAsync();
        var id = await Store.CreateAsync("kept", "alice");

        var empty = await Assert.ThrowsAsync<ArgumentException>(() => Store.RenameAsync(id, " \n "));
        Assert.Contains("title", empty.Message, StringComparison.Ordinal);
        Assert.Contains("empty", empty.Message, StringComparison.Ordinal);
        var tooLong = await Assert.ThrowsAsync<ArgumentException>(() => Store.RenameAsync(id, new string('轴', ConversationTitles.MaxLength + 1)));
        Assert.Contains($"{ConversationTitles.MaxLength + 1} characters", tooLong.Message, StringComparison.Ordinal);
        Assert.True(await Store.RenameAsync(id, new string('轴', ConversationTitles.MaxLength)));
        Assert.False(await Store.RenameAsync("no-such-conversation", "title"));
    }

    [SkippableFact]
    public async Task Search_FindsByTitleQuestionOrAnswer_EveryWordSomewhere_CaseInsensitive()
    {
        await OpenAsync();
        var byTitle = await Store.CreateAsync("Spindle speeds", "alice");
        var byQuestion = await Store.CreateAsync("", "alice");
        await Store.AddTurnAsync(byQuestion, "JD-2105-0318 第60工序转速？", "q", Answer("950 r/min [1]", Cite(1, "950")));
        var byAnswer = await Store.CreateAsync("torque", "alice");
        await Store.AddTurnAsync(byAnswer, "M8 螺栓？", "q", Answer("拧紧扭矩 25±2 N·m [1]", Cite(1, "25")));
        await Store.AddTurnAsync(byAnswer, "M10 呢？", "q", Answer("48 N·m [1]", Cite(1, "48")));

        Assert.Equal([byTitle], (await Store.SearchAsync("alice", "SPINDLE", 10)).Select(c => c.Id));
        Assert.Equal([byQuestion], (await Store.SearchAsync("alice", "第60工序", 10)).Select(c => c.Id));
        Assert.Equal([byAnswer], (await Store.SearchAsync("alice", "25±2", 10)).Select(c => c.Id));
        // Words may sit in different turns, or one in the title and one in a turn; all must be somewhere.
        Assert.Equal([byAnswer], (await Store.SearchAsync("alice", "M8 48", 10)).Select(c => c.Id));
        Assert.Equal([byAnswer], (await Store.SearchAsync("alice", "torque M10", 10)).Select(c => c.Id));
        Assert.Empty(await Store.SearchAsync("alice", "M8 950", 10));
        var found = Assert.Single(await Store.SearchAsync("alice", "m10", 10));
        Assert.Equal(2, found.Turns);
    }

    [SkippableFact]
    public async Task Search_IsScopedToTheOwner_NullSearchesEveryone()
    {
        await OpenAsync();
        var alices = await Store.CreateAsync("cutting fluid", "alice");
        var bobs = await Store.CreateAsync("cutting fluid", "bob");

        Assert.Equal([alices], (await Store.SearchAsync("alice", "fluid", 10)).Select(c => c.Id));
        Assert.Equal([bobs], (await Store.SearchAsync("bob", "fluid", 10)).Select(c => c.Id));
        Assert.Empty(await Store.SearchAsync("carol", "fluid", 10));
        Assert.Equal([bobs, alices], (await Store.SearchAsync(null, "fluid", 10)).Select(c => c.Id));
    }

    [SkippableFact]
    public async Task Search_MatchesWildcardsLiterally_BlankFindsNothing_AndKeepsTheLimitAndOrder()
    {
        await OpenAsync();
        var percent = await Store.CreateAsync("coolant 5% mix", "alice");
        await Store.CreateAsync("coolant 50 mix", "alice");
        Clock.Advance(TimeSpan.FromMinutes(1));
        var underscore = await Store.CreateAsync("a_b", "alice");
        await Store.CreateAsync("axb", "alice");

        Assert.Equal([percent], (await Store.SearchAsync("alice", "5%", 10)).Select(c => c.Id));
        Assert.Equal([underscore], (await Store.SearchAsync("alice", "a_b", 10)).Select(c => c.Id));
        Assert.Empty(await Store.SearchAsync("alice", "   ", 10));
        var newest = await Store.SearchAsync("alice", "coolant", 1);
        Assert.Single(newest);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.SearchAsync("alice", "coolant", 0));
    }
}

public sealed class SqliteConversationManagementContract : ConversationManagementContract
{
    protected override Task<ConversationStores> OpenStoresAsync(TimeProvider clock) => Task.FromResult<ConversationStores>(ConversationStoresOnSqlite.Open(clock));
}

public sealed class PostgresConversationManagementContract : ConversationManagementContract
{
    protected override async Task<ConversationStores> OpenStoresAsync(TimeProvider clock) => await ConversationStoresOnPostgres.OpenAsync(clock);
}
