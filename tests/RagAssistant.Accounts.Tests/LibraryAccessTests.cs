using RagAssistant.Core.Access;
using static RagAssistant.Accounts.Tests.PlantKnowledgeBase;

namespace RagAssistant.Accounts.Tests;

/// <summary>Libraries and grants: what is refused and why, replacing and revoking, and what the list shows.</summary>
public sealed class LibraryAccessTests : IAsyncLifetime
{
    private PlantKnowledgeBase _kb = null!;

    private LibraryAccess Libraries => _kb.Libraries;

    public async Task InitializeAsync()
    {
        _kb = await CreateAsync();
        await _kb.Users.AddAsync("wang", Roles.Reader, Password, Actor);
    }

    public async Task DisposeAsync() => await _kb.DisposeAsync();

    [Theory]
    [InlineData(LineA, GrantSubject.User, "ghost", GrantAccess.Read, "user 'ghost' does not exist", AccountProblem.NoSuchUser)]
    [InlineData(LineA, GrantSubject.Role, "Owner", GrantAccess.Read, "role 'Owner' does not exist", AccountProblem.NoSuchRole)]
    [InlineData("  ", GrantSubject.User, "wang", GrantAccess.Read, "library name is empty", AccountProblem.LibraryNameEmpty)]
    [InlineData("line\u0000b", GrantSubject.User, "wang", GrantAccess.Read, "contains control characters", AccountProblem.LibraryNameInvisible)]
    [InlineData(LineA, GrantSubject.User, "wang", "admin", "access 'admin' is not read or write", AccountProblem.NoSuchAccess)]
    [InlineData(LineA, "group", "wang", GrantAccess.Read, "subject kind 'group' is not user or role", AccountProblem.NoSuchSubjectKind)]
    public async Task Grant_ThatCannotBeMade_FailsSayingWhy(string library, string kind, string subject, string access, string reason, AccountProblem problem)
    {
        var error = await Assert.ThrowsAsync<AccountException>(() => Libraries.GrantAsync(library, kind, subject, access, Actor));

        Assert.Contains(reason, error.Message);
        Assert.Equal(problem, error.Problem);
        Assert.All(await Libraries.ListAsync(), l => Assert.Empty(l.Grants));
    }

    [Fact]
    public async Task Grant_OnAnOverLongLibraryName_FailsNamingTheLimit()
    {
        var name = new string('x', LibraryAccess.MaxNameLength + 1);

        var error = await Assert.ThrowsAsync<AccountException>(() => Libraries.GrantAsync(name, GrantSubject.User, "wang", GrantAccess.Read, Actor));

        Assert.Contains($"{LibraryAccess.MaxNameLength + 1} characters", error.Message);
        Assert.Contains($"limit of {LibraryAccess.MaxNameLength}", error.Message);
        Assert.Equal((AccountProblem.LibraryNameTooLong, LibraryAccess.MaxNameLength), (error.Problem, error.Limit));
    }

    [Fact]
    public async Task GrantingTwice_ReplacesTheFirstGrant()
    {
        await Libraries.GrantAsync(LineA, GrantSubject.User, "wang", GrantAccess.Read, Actor);
        await Libraries.GrantAsync(LineA, GrantSubject.User, "WANG", "WRITE", Actor);

        var grant = Assert.Single((await Libraries.ListAsync()).Single(l => l.Name == LineA).Grants);
        Assert.Equal(("wang", GrantAccess.Write), (grant.Subject, grant.Access));
    }

    [Fact]
    public async Task Revoke_WhenThereIsNoGrant_IsFalse()
    {
        Assert.False(await Libraries.RevokeAsync(LineA, GrantSubject.User, "wang", Actor));
        Assert.False(await Libraries.RevokeAsync(LineA, GrantSubject.Role, Roles.Reader, Actor));
        Assert.False(await Libraries.RevokeAsync(LineA, GrantSubject.User, "ghost", Actor));
    }

    [Fact]
    public async Task Revoke_RemovesTheGrant_SpelledAsTheAdminTypedIt()
    {
        await Libraries.GrantAsync(LineA, GrantSubject.User, "wang", GrantAccess.Read, Actor);
        await Libraries.GrantAsync(LineB, GrantSubject.Role, Roles.Reader, GrantAccess.Read, Actor);

        // Granting accepts any casing of a user or role name and spaces around the library; so does revoking.
        Assert.True(await Libraries.RevokeAsync($" {LineA} ", GrantSubject.User, "Wang", Actor));
        Assert.True(await Libraries.RevokeAsync(LineB, GrantSubject.Role, "reader", Actor));

        Assert.All(await Libraries.ListAsync(), l => Assert.Empty(l.Grants));
        Assert.Empty((await _kb.ScopeOfAsync("wang")).ReadableLibraries!);
    }

    [Fact]
    public async Task List_ShowsLibrariesOfDocumentsAndAddedLibraries_WithTheirGrants()
    {
        await Libraries.AddAsync("standards", "GB/T and plant standards", Actor);
        await Libraries.GrantAsync("standards", GrantSubject.Role, Roles.Reader, GrantAccess.Read, Actor);
        await Libraries.GrantAsync("standards", GrantSubject.User, "wang", GrantAccess.Write, Actor);

        var libraries = await Libraries.ListAsync();

        Assert.Equal([(LineA, 1), (LineB, 1), ("standards", 0)], libraries.Select(l => (l.Name, l.Documents)));
        var standards = libraries.Single(l => l.Name == "standards");
        Assert.Equal("GB/T and plant standards", standards.Description);
        Assert.Equal([(GrantSubject.Role, Roles.Reader, GrantAccess.Read), (GrantSubject.User, "wang", GrantAccess.Write)],
            standards.Grants.Select(g => (g.SubjectKind, g.Subject, g.Access)));
    }

    [Fact]
    public async Task AddingALibraryTwice_FailsNamingIt()
    {
        await Libraries.AddAsync("standards", null, Actor);

        var error = await Assert.ThrowsAsync<AccountException>(() => Libraries.AddAsync(" standards ", null, Actor));

        Assert.Contains("'standards' already exists", error.Message);
        Assert.Equal((AccountProblem.LibraryExists, "standards"), (error.Problem, error.Name));
    }
}
