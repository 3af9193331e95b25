using RagAssistant.Core.Access;
using static RagAssistant.Accounts.Tests.PlantKnowledgeBase;

namespace RagAssistant.Accounts.Tests;

/// <summary>
/// The audit log on both engines, through user and key changes (library and grant entries need the document store, so
/// <see cref="AuditLogTests"/> keeps those on SQLite).
/// </summary>
public abstract class AuditLogContract : AccountsContract
{
    [SkippableFact]
    public async Task UserAndKeyChanges_AreAudited_InOrder_WithActorActionTargetAndDetail()
    {
        await Kb.Users.AddAsync("boss", Roles.Admin, Password, "local");
        await Kb.Users.AddAsync("王工", Roles.Reader, Password, "boss");
        await Kb.Users.DisableAsync("王工", "boss");
        await Kb.Keys.CreateAsync("boss", "MES line 2", "boss");

        var entries = (await Kb.Audit.ListAsync()).Reverse().Select(e => (e.Actor, e.Action, e.Target)).ToList();

        Assert.Equal(
        [
            ("local", AuditActions.UserAdded, "boss"),
            ("boss", AuditActions.UserAdded, "王工"),
            ("boss", AuditActions.UserDisabled, "王工"),
            ("boss", AuditActions.ApiKeyCreated, "boss"),
        ], entries);
        Assert.Equal($"role {Roles.Reader}", (await Kb.Audit.ListAsync(action: AuditActions.UserAdded))[0].Detail);
        Assert.All(await Kb.Audit.ListAsync(), e => Assert.True(e.At <= DateTimeOffset.UtcNow && e.At > DateTimeOffset.UtcNow.AddMinutes(-5), $"{e.At}"));
    }

    [SkippableFact]
    public async Task List_NewestFirst_UpToTheLimit_NarrowedByAction()
    {
        foreach (var name in new[] { "a1", "a2", "a3" }) await Kb.Users.AddAsync(name, Roles.Reader, Password, Actor);
        await Kb.Users.DisableAsync("a1", Actor);

        Assert.Equal(["a1", "a3"], (await Kb.Audit.ListAsync(limit: 2)).Select(e => e.Target));
        Assert.Equal(["a3", "a2"], (await Kb.Audit.ListAsync(limit: 2, action: AuditActions.UserAdded)).Select(e => e.Target));
    }

    [SkippableFact]
    public async Task RefusedUserChanges_AreNotAudited()
    {
        await Kb.Users.AddAsync("boss", Roles.Admin, Password, Actor);
        await Assert.ThrowsAsync<AccountException>(() => Kb.Users.DisableAsync("boss", Actor));
        await Assert.ThrowsAsync<AccountException>(() => Kb.Users.AddAsync("boss", Roles.Reader, Password, Actor));

        Assert.Equal([AuditActions.UserAdded], (await Kb.Audit.ListAsync()).Select(e => e.Action));
    }
}

public sealed class SqliteAuditLogContract : AuditLogContract
{
    protected override bool OnPostgres => false;
}

public sealed class PostgresAuditLogContract : AuditLogContract
{
    protected override bool OnPostgres => true;
}
