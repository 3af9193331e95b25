using Microsoft.Extensions.DependencyInjection;
using RagAssistant.Core.Access;
using RagAssistant.Accounts;
using RagAssistant.Core.Answers;
using RagAssistant.Web.Tests.EndToEnd;

namespace RagAssistant.Web.Tests.Conversations;

/// <summary>Renaming, deleting and searching conversations through the access seam: each user only ever touches their own.</summary>
[Collection(AccessWebAppCollection.Name)]
public sealed class ConversationManagementAccessTests(AccessWebAppFixture app)
{
    private ProtectedKnowledgeBase Kb => app.Services.GetRequiredService<ProtectedKnowledgeBase>();

    [Fact]
    public async Task Owner_RenamesSearchesAndDeletes_TheirConversation()
    {
        var owner = await ScopeAsync("mine", AccessWebAppFixture.LineA);
        var answer = await Kb.AskAsync(owner, new AskRequest("JD-2105-0318 第50工序 粗车 转速"));

        Assert.True(await Kb.RenameConversationAsync(owner, answer.ConversationId, "粗车转速 核对"));
        Assert.Equal([answer.ConversationId], (await Kb.SearchConversationsAsync(owner, "核对", 10)).Select(c => c.Id));
        Assert.Equal([answer.ConversationId], (await Kb.SearchConversationsAsync(owner, "第50工序", 10)).Select(c => c.Id));
        Assert.True(await Kb.DeleteConversationAsync(owner, answer.ConversationId));
        Assert.Null(await Kb.GetConversationAsync(owner, answer.ConversationId));
        Assert.Empty(await Kb.SearchConversationsAsync(owner, "核对", 10));
    }

    [Fact]
    public async Task AnotherUser_CannotRenameDeleteOrFind_TheConversation()
    {
        var owner = await ScopeAsync("owner", AccessWebAppFixture.LineA);
        var other = await ScopeAsync("other", AccessWebAppFixture.LineA);
        var answer = await Kb.AskAsync(owner, new AskRequest("JD-2105-0318 第60工序 精车 进给量"));
        var title = (await Kb.GetConversationAsync(owner, answer.ConversationId))!.Title;

        Assert.False(await Kb.RenameConversationAsync(other, answer.ConversationId, "taken over"));
        Assert.False(await Kb.DeleteConversationAsync(other, answer.ConversationId));
        Assert.DoesNotContain(await Kb.SearchConversationsAsync(other, "进给量", 50), c => c.Id == answer.ConversationId);

        var kept = (await Kb.GetConversationAsync(owner, answer.ConversationId))!;
        Assert.Equal(title, kept.Title);
        Assert.Single(kept.Turns);
    }

    [Fact]
    public async Task RevokedGrant_AConversationFoundOnlyThroughItsHiddenAnswer_IsNotFound()
    {
        var (user, _) = await app.AddUserAsync("revoked", readable: [AccessWebAppFixture.LineA, AccessWebAppFixture.LineB]);
        var reader = await app.Services.GetRequiredService<AccessResolver>().ForUserNameAsync(user);
        var answer = await Kb.AskAsync(reader, new AskRequest("KX-7730-0042 第40工序 铰孔"));
        Assert.Contains(answer.Citations, c => c.Library == AccessWebAppFixture.LineB);
        Assert.Contains("Z3050", answer.Answer, StringComparison.Ordinal);
        Assert.NotEmpty(await Kb.SearchConversationsAsync(reader, "Z3050", 10));

        await app.Services.GetRequiredService<LibraryAccess>().RevokeAsync(AccessWebAppFixture.LineB, GrantSubject.User, user, "tests");
        var revoked = await app.Services.GetRequiredService<AccessResolver>().ForUserNameAsync(user);

        Assert.Empty(await Kb.SearchConversationsAsync(revoked, "Z3050", 10));
        Assert.NotEmpty(await Kb.SearchConversationsAsync(revoked, "KX-7730-0042", 10)); // the question is still theirs
    }

    private async Task<AccessScope> ScopeAsync(string prefix, params string[] readable)
    {
        var (user, _) = await app.AddUserAsync(prefix, readable: readable);
        return await app.Services.GetRequiredService<AccessResolver>().ForUserNameAsync(user);
    }
}
