using RagAssistant.Core.Access;
using static RagAssistant.Accounts.Tests.PlantKnowledgeBase;

namespace RagAssistant.Accounts.Tests;

/// <summary>How an account becomes a scope: user and role grants, the role's cap, disabled and unknown accounts.</summary>
public sealed class AccessResolverTests : IAsyncLifetime
{
    private PlantKnowledgeBase _kb = null!;

    public async Task InitializeAsync() => _kb = await CreateAsync();

    public async Task DisposeAsync() => await _kb.DisposeAsync();

    [Fact]
    public async Task RoleGrant_AppliesToEveryReader()
    {
        var wang = await _kb.AddUserAsync("wang", Roles.Reader, (LineA, GrantAccess.Read));
        var li = await _kb.AddUserAsync("li", Roles.Reader);

        await _kb.Libraries.GrantAsync(LineB, GrantSubject.Role, Roles.Reader, GrantAccess.Read, Actor);

        Assert.Equal([LineA, LineB], (await _kb.ScopeOfAsync("wang")).ReadableLibraries);
        Assert.Equal([LineB], (await _kb.ScopeOfAsync("li")).ReadableLibraries);
        Assert.NotNull(await _kb.KnowledgeBase.GetDocumentAsync(await _kb.ScopeOfAsync("li"), _kb.CardB));
        Assert.Null(await _kb.KnowledgeBase.GetDocumentAsync(li, _kb.CardB)); // the scope taken before the grant stays as it was
        Assert.Null(await _kb.KnowledgeBase.GetDocumentAsync(wang, _kb.CardB));
    }

    [Fact]
    public async Task RoleGrant_ToReaders_DoesNotReachEditors()
    {
        await _kb.Libraries.GrantAsync(LineB, GrantSubject.Role, Roles.Reader, GrantAccess.Read, Actor);
        var editor = await _kb.AddUserAsync("chen", Roles.Editor);

        Assert.Empty(editor.ReadableLibraries!);
    }

    [Fact]
    public async Task DisabledUser_ReadsNothing_AndReadsAgainOnceEnabled()
    {
        await _kb.AddUserAsync("wang", Roles.Reader, (LineA, GrantAccess.Read));

        await _kb.Users.DisableAsync("wang", Actor);
        var disabled = await _kb.ScopeOfAsync("wang");
        Assert.Empty(disabled.ReadableLibraries!);
        Assert.Null(await _kb.KnowledgeBase.GetDocumentAsync(disabled, _kb.CardA));
        Assert.Empty(await _kb.KnowledgeBase.ListDocumentsAsync(disabled));

        await _kb.Users.EnableAsync("wang", Actor);
        var enabled = await _kb.ScopeOfAsync("wang");
        Assert.Equal([LineA], enabled.ReadableLibraries);
        Assert.NotNull(await _kb.KnowledgeBase.GetDocumentAsync(enabled, _kb.CardA));
    }

    [Fact]
    public async Task DisabledAdmin_ReadsNothing()
    {
        await _kb.AddUserAsync("boss", Roles.Admin);
        await _kb.AddUserAsync("boss2", Roles.Admin);

        await _kb.Users.DisableAsync("boss", Actor);

        var scope = await _kb.ScopeOfAsync("boss");
        Assert.False(scope.IsAdministrator);
        Assert.Empty(await _kb.KnowledgeBase.ListDocumentsAsync(scope));
    }

    [Fact]
    public async Task UnknownUser_GetsTheNobodyScope()
    {
        var scope = await _kb.ScopeOfAsync("ghost");

        Assert.Equal(AccessScope.Nobody("ghost"), scope with { ReadableLibraries = [], WritableLibraries = [] });
        Assert.Empty(scope.ReadableLibraries!);
        Assert.Empty(await _kb.KnowledgeBase.ListDocumentsAsync(scope));
        var (_, results) = await _kb.KnowledgeBase.SearchAsync(scope, "JD-2105-0318", new Core.Search.SearchOptions());
        Assert.Empty(results);
        Assert.Equal(AccessScope.Nobody("nope").ReadableLibraries, (await _kb.Access.ForUserIdAsync("nope")).ReadableLibraries);
    }

    [Fact]
    public async Task UserName_IsFoundInAnyCasing()
    {
        await _kb.AddUserAsync("wang", Roles.Reader, (LineA, GrantAccess.Read));

        var scope = await _kb.ScopeOfAsync(" WANG ");

        Assert.Equal("wang", scope.User);
        Assert.Equal([LineA], scope.ReadableLibraries);
    }

    [Fact]
    public async Task SetRole_ToEditor_TurnsAWriteGrantIntoWriting()
    {
        await _kb.AddUserAsync("sun", Roles.Reader, (LineA, GrantAccess.Write));
        Assert.Empty((await _kb.ScopeOfAsync("sun")).WritableLibraries!);

        await _kb.Users.SetRoleAsync("sun", "editor", Actor);

        Assert.Equal([LineA], (await _kb.ScopeOfAsync("sun")).WritableLibraries);
    }
}
