using RagAssistant.Core.Access;
using static RagAssistant.Accounts.Tests.PlantKnowledgeBase;

namespace RagAssistant.Accounts.Tests;

/// <summary>Every change to users, libraries, grants and keys leaves an entry naming who did what to whom.</summary>
public sealed class AuditLogTests : IAsyncLifetime
{
    private PlantKnowledgeBase _kb = null!;

    public async Task InitializeAsync() => _kb = await CreateAsync(withDocuments: false);

    public async Task DisposeAsync() => await _kb.DisposeAsync();

    [Fact]
    public async Task AccountChanges_AreAudited_WithActorActionAndTarget()
    {
        await _kb.Users.AddAsync("boss", Roles.Admin, Password, "local");
        await _kb.Users.AddAsync("wang", Roles.Reader, Password, "boss");
        await _kb.Libraries.AddAsync("standards", null, "boss");
        await _kb.Libraries.GrantAsync("standards", GrantSubject.User, "wang", GrantAccess.Read, "boss");
        await _kb.Libraries.RevokeAsync("standards", GrantSubject.User, "wang", "boss");
        await _kb.Users.SetRoleAsync("wang", Roles.Editor, "boss");
        await _kb.Users.DisableAsync("wang", "boss");
        await _kb.Users.EnableAsync("wang", "boss");
        var password = await _kb.Users.ResetPasswordAsync("wang", null, "boss");
        await _kb.Keys.CreateAsync("wang", "laptop", "wang");
        await _kb.Keys.RevokeAsync(Assert.Single(await _kb.Keys.ListAsync("wang")).Id, "wang", ownerOnly: "wang");

        var entries = (await _kb.Audit.ListAsync()).Reverse().Select(e => (e.Actor, e.Action, e.Target)).ToList();

        Assert.Equal(
        [
            ("local", AuditActions.UserAdded, "boss"),
            ("boss", AuditActions.UserAdded, "wang"),
            ("boss", AuditActions.LibraryAdded, "standards"),
            ("boss", AuditActions.Grant, "standards"),
            ("boss", AuditActions.Revoke, "standards"),
            ("boss", AuditActions.UserRoleChanged, "wang"),
            ("boss", AuditActions.UserDisabled, "wang"),
            ("boss", AuditActions.UserEnabled, "wang"),
            ("boss", AuditActions.PasswordReset, "wang"),
            ("wang", AuditActions.ApiKeyCreated, "wang"),
            ("wang", AuditActions.ApiKeyRevoked, "wang"),
        ], entries);
        Assert.DoesNotContain(await _kb.Audit.ListAsync(), e => (e.Detail ?? "").Contains(password) || (e.Detail ?? "").Contains(Password));
    }

    [Fact]
    public async Task Grant_IsAuditedWithWhatAndToWhom()
    {
        await _kb.Users.AddAsync("wang", Roles.Reader, Password, Actor);
        await _kb.Libraries.GrantAsync(LineA, GrantSubject.User, "wang", GrantAccess.Write, "boss");

        var grant = Assert.Single(await _kb.Audit.ListAsync(action: AuditActions.Grant));

        Assert.Equal(("boss", LineA, "write to user wang"), (grant.Actor, grant.Target, grant.Detail));
    }

    [Fact]
    public async Task RefusedChanges_AreNotAudited()
    {
        await _kb.Users.AddAsync("boss", Roles.Admin, Password, Actor);
        await Assert.ThrowsAsync<AccountException>(() => _kb.Users.DisableAsync("boss", Actor));
        await Assert.ThrowsAsync<AccountException>(() => _kb.Users.AddAsync("boss", Roles.Reader, Password, Actor));
        Assert.False(await _kb.Libraries.RevokeAsync(LineA, GrantSubject.User, "boss", Actor));

        Assert.Equal([AuditActions.UserAdded], (await _kb.Audit.ListAsync()).Select(e => e.Action));
    }

    [Fact]
    public async Task List_NewestFirst_UpToTheLimit()
    {
        foreach (var name in new[] { "a1", "a2", "a3" }) await _kb.Libraries.AddAsync(name, null, Actor);

        Assert.Equal(["a3", "a2"], (await _kb.Audit.ListAsync(limit: 2)).Select(e => e.Target));
    }
}
