using RagAssistant.Core.Access;
using RagAssistant.Core.Answers;
using static RagAssistant.Accounts.Tests.PlantKnowledgeBase;

namespace RagAssistant.Accounts.Tests;

/// <summary>Conversations belong to who started them, and a revoked grant hides what their stored answers quoted.</summary>
public sealed class ConversationAccessTests : IAsyncLifetime
{
    private const string LineBQuestion = "KX-7730-0042 第40工序 铰孔 转速";

    private PlantKnowledgeBase _kb = null!;
    private AccessScope _wang = null!;
    private AccessScope _li = null!;

    private ProtectedKnowledgeBase Kb => _kb.KnowledgeBase;

    public async Task InitializeAsync()
    {
        _kb = await CreateAsync();
        _wang = await _kb.AddUserAsync("wang", Roles.Reader, (LineA, GrantAccess.Read), (LineB, GrantAccess.Read));
        _li = await _kb.AddUserAsync("li", Roles.Reader, (LineA, GrantAccess.Read), (LineB, GrantAccess.Read));
    }

    public async Task DisposeAsync() => await _kb.DisposeAsync();

    [Fact]
    public async Task Ask_StartsAConversationOwnedByTheAsker()
    {
        var answer = await Kb.AskAsync(_wang, new AskRequest(LineBQuestion));

        Assert.Contains(await Kb.ListConversationsAsync(_wang, 10), c => c.Id == answer.ConversationId && c.Owner == "wang");
        Assert.DoesNotContain(await Kb.ListConversationsAsync(_li, 10), c => c.Id == answer.ConversationId);
        Assert.NotNull(await Kb.GetConversationAsync(_wang, answer.ConversationId));
    }

    [Fact]
    public async Task Ask_IgnoresAnOwnerTheCallerClaims()
    {
        var answer = await Kb.AskAsync(_wang, new AskRequest(LineBQuestion, Owner: "li"));

        Assert.Empty(await Kb.ListConversationsAsync(_li, 10));
        Assert.Equal("wang", (await Kb.GetConversationAsync(_wang, answer.ConversationId))!.Owner);
    }

    [Fact]
    public async Task AnotherUser_CannotOpenContinueOrRateTheConversation()
    {
        var answer = await Kb.AskAsync(_wang, new AskRequest(LineBQuestion));
        var turn = (await Kb.GetConversationAsync(_wang, answer.ConversationId))!.Turns.Single();

        Assert.Null(await Kb.GetConversationAsync(_li, answer.ConversationId));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => Kb.AskAsync(_li, new AskRequest("那第30工序呢？", answer.ConversationId)));
        Assert.False(await Kb.SetFeedbackAsync(_li, answer.ConversationId, turn.Id, -1, "wrong"));

        var unchanged = (await Kb.GetConversationAsync(_wang, answer.ConversationId))!;
        Assert.Single(unchanged.Turns);
        Assert.Null(unchanged.Turns[0].Rating);
    }

    [Fact]
    public async Task Owner_ContinuesAndRatesTheirConversation()
    {
        var answer = await Kb.AskAsync(_wang, new AskRequest(LineBQuestion));
        var turn = (await Kb.GetConversationAsync(_wang, answer.ConversationId))!.Turns.Single();

        await Kb.AskAsync(_wang, new AskRequest("那第30工序呢？", answer.ConversationId));
        Assert.True(await Kb.SetFeedbackAsync(_wang, answer.ConversationId, turn.Id, 1, null));
        Assert.False(await Kb.SetFeedbackAsync(_wang, answer.ConversationId, turn.Id + 1000, 1, null));

        var conversation = (await Kb.GetConversationAsync(_wang, answer.ConversationId))!;
        Assert.Equal(2, conversation.Turns.Count);
        Assert.Equal(1, conversation.Turns[0].Rating);
    }

    [Fact]
    public async Task ContinuingAConversationThatDoesNotExist_IsKeyNotFound()
    {
        await Assert.ThrowsAsync<KeyNotFoundException>(() => Kb.AskAsync(_wang, new AskRequest(LineBQuestion, "no-such-conversation")));
    }

    [Fact]
    public async Task RevokedGrant_HidesTheStoredAnswerThatQuotedTheLibrary()
    {
        var answer = await Kb.AskAsync(_wang, new AskRequest(LineBQuestion));
        Assert.Contains(answer.Citations, c => c.DocumentId == _kb.CardB && c.Library == LineB); // the setup: line-b's card is cited

        Assert.True(await _kb.Libraries.RevokeAsync(LineB, GrantSubject.User, "wang", Actor));
        var revoked = await _kb.ScopeOfAsync("wang");
        var turn = (await Kb.GetConversationAsync(revoked, answer.ConversationId))!.Turns.Single();

        Assert.Equal(ProtectedKnowledgeBase.WithheldNotice, turn.Answer.Answer);
        Assert.DoesNotContain(turn.Answer.Citations, c => c.Library == LineB || c.DocumentId == _kb.CardB);
        Assert.DoesNotContain("120", turn.Answer.Answer);
    }

    [Fact]
    public async Task RevokedGrant_AFollowUpInTheSameConversation_CitesNothingOfTheLibrary()
    {
        var answer = await Kb.AskAsync(_wang, new AskRequest(LineBQuestion));
        await _kb.Libraries.RevokeAsync(LineB, GrantSubject.User, "wang", Actor);

        var followUp = await Kb.AskAsync(await _kb.ScopeOfAsync("wang"), new AskRequest("那第30工序呢？", answer.ConversationId));

        Assert.All(followUp.Citations, c => Assert.Equal(LineA, c.Library));
        Assert.DoesNotContain("Z3050", followUp.Answer);
        Assert.DoesNotContain("480", followUp.Answer);
    }

    [Fact]
    public async Task RevokedGrant_LeavesTurnsThatQuotedOnlyReadableLibraries()
    {
        var answer = await Kb.AskAsync(_wang, new AskRequest("JD-2105-0318 第60工序 精车外圆 转速"));
        Assert.NotEmpty(answer.Citations);
        Assert.All(answer.Citations, c => Assert.Equal(LineA, c.Library));

        await _kb.Libraries.RevokeAsync(LineB, GrantSubject.User, "wang", Actor);
        var turn = (await Kb.GetConversationAsync(await _kb.ScopeOfAsync("wang"), answer.ConversationId))!.Turns.Single();

        Assert.Equal(answer.Answer, turn.Answer.Answer);
        Assert.Equal(answer.Citations.Count, turn.Answer.Citations.Count);
    }

    [Fact]
    public async Task LocalOperator_SeesEveryConversation()
    {
        var wangs = await Kb.AskAsync(_wang, new AskRequest(LineBQuestion));
        var lis = await Kb.AskAsync(_li, new AskRequest(LineBQuestion));

        var all = await Kb.ListConversationsAsync(AccessScope.LocalOperator, 10);

        Assert.Contains(all, c => c.Id == wangs.ConversationId);
        Assert.Contains(all, c => c.Id == lis.ConversationId);
        Assert.NotNull(await Kb.GetConversationAsync(AccessScope.LocalOperator, lis.ConversationId));
    }
}
