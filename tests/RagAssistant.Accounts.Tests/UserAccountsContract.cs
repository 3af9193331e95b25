using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using RagAssistant.Core.Access;
using static RagAssistant.Accounts.Tests.PlantKnowledgeBase;

namespace RagAssistant.Accounts.Tests;

/// <summary>Adding users, passwords, roles, disabling and lockout — through Identity, on a real SQLite file and a real PostgreSQL database.</summary>
public abstract class UserAccountsContract : AccountsContract
{
    private const int AccountLockoutFailures = 3;
    private UserAccounts Users => Kb.Users;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Rag:Accounts:AccountLockoutFailures"] = AccountLockoutFailures.ToString(),
        ["Rag:Accounts:MinimumPasswordLength"] = "12",
    };

    [SkippableFact]
    public async Task AddUser_WithoutAPassword_GeneratesAnEighteenCharacterPasswordThatWorks()
    {
        var password = await Users.AddAsync("wang", Roles.Reader, password: null, Actor);

        Assert.Equal(18, password.Length);
        Assert.True(await CheckPasswordAsync("wang", password));
        Assert.False(await CheckPasswordAsync("wang", password + "x"));
    }

    [SkippableFact]
    public async Task AddUser_WithAChineseName_Works()
    {
        await Users.AddAsync("王工", Roles.Reader, Password, Actor);
        Assert.True(await CheckPasswordAsync("王工", Password));
    }

    [SkippableTheory]
    [InlineData("", "empty", AccountProblem.UserNameEmpty)]
    [InlineData("wang gong", "spaces", AccountProblem.UserNameInvalid)]
    [InlineData("wang\u0007", "control", AccountProblem.UserNameInvalid)]
    public async Task AddUser_WithAnUnusableName_IsRefusedWithTheReason(string name, string reason, AccountProblem problem)
    {
        name = System.Text.RegularExpressions.Regex.Unescape(name);
        var error = await Assert.ThrowsAsync<AccountException>(() => Users.AddAsync(name, Roles.Reader, Password, Actor));
        Assert.Contains(reason, error.Message);
        Assert.Equal(problem, error.Problem);
    }

    [SkippableFact]
    public async Task AddUser_WithAnOverLongName_IsRefusedWithTheLimit()
    {
        var error = await Assert.ThrowsAsync<AccountException>(() => Users.AddAsync(new string('w', 65), Roles.Reader, Password, Actor));
        Assert.Contains("64", error.Message);
        Assert.Equal((AccountProblem.UserNameTooLong, 64), (error.Problem, error.Limit));
    }

    [SkippableFact]
    public async Task AddUser_WithAPassword_ReturnsItAndItWorks()
    {
        Assert.Equal(Password, await Users.AddAsync("wang", Roles.Reader, Password, Actor));
        Assert.True(await CheckPasswordAsync("wang", Password));
    }

    [SkippableFact]
    public async Task AddUser_InAnyRoleCasing_RecordsTheCanonicalRole()
    {
        await Users.AddAsync("chen", "editor", Password, Actor);

        var chen = Assert.Single(await Users.ListAsync());
        Assert.Equal(("chen", Roles.Editor, false), (chen.UserName, chen.Role, chen.Disabled));
    }

    [SkippableTheory]
    [InlineData("wang")]
    [InlineData("WANG")]
    [InlineData(" wang ")]
    public async Task AddUser_ThatExists_FailsNamingTheUser(string again)
    {
        await Users.AddAsync("wang", Roles.Reader, Password, Actor);

        var error = await Assert.ThrowsAsync<AccountException>(() => Users.AddAsync(again, Roles.Reader, Password, Actor));

        Assert.Contains($"'{again.Trim()}'", error.Message);
        Assert.Contains("already exists", error.Message);
        Assert.Equal((AccountProblem.UserExists, again.Trim()), (error.Problem, error.Name));
        Assert.Equal(1, await Users.CountAsync());
    }

    [SkippableFact]
    public async Task AddUser_WithAnUnknownRole_FailsNamingTheRoles()
    {
        var error = await Assert.ThrowsAsync<AccountException>(() => Users.AddAsync("wang", "Superuser", Password, Actor));

        Assert.Contains("'Superuser'", error.Message);
        Assert.Contains(Roles.Editor, error.Message);
        Assert.Equal((AccountProblem.NoSuchRole, "Superuser"), (error.Problem, error.Name));
        Assert.Equal(0, await Users.CountAsync());
    }

    [SkippableFact]
    public async Task AddUser_WithAPasswordShorterThanTheMinimum_FailsWithIdentitysReason()
    {
        var error = await Assert.ThrowsAsync<AccountException>(() => Users.AddAsync("wang", Roles.Reader, "short-pw", Actor));

        Assert.Contains("'wang'", error.Message);
        Assert.Contains("12", error.Message); // Identity: "Passwords must be at least 12 characters."
        Assert.Equal((AccountProblem.PasswordTooShort, "wang", 12), (error.Problem, error.Name, error.Limit));
        Assert.Equal(0, await Users.CountAsync());
    }

    [SkippableFact]
    public async Task DisablingTheLastEnabledAdmin_IsRefused()
    {
        await Users.AddAsync("boss", Roles.Admin, Password, Actor);

        var error = await Assert.ThrowsAsync<AccountException>(() => Users.DisableAsync("boss", Actor));

        Assert.Contains("last enabled administrator", error.Message);
        Assert.Equal((AccountProblem.LastAdmin, "boss"), (error.Problem, error.Name));
        Assert.False(Assert.Single(await Users.ListAsync()).Disabled);
    }

    [SkippableFact]
    public async Task DisablingAnAdmin_WhileAnotherIsEnabled_IsAllowed_ButNotTheOtherAfterwards()
    {
        await Users.AddAsync("boss", Roles.Admin, Password, Actor);
        await Users.AddAsync("deputy", Roles.Admin, Password, Actor);

        await Users.DisableAsync("boss", Actor);

        await Assert.ThrowsAsync<AccountException>(() => Users.DisableAsync("deputy", Actor));
        Assert.Equal([true, false], (await Users.ListAsync()).Select(u => u.Disabled));
    }

    [SkippableFact]
    public async Task DemotingTheLastAdmin_IsRefused()
    {
        await Users.AddAsync("boss", Roles.Admin, Password, Actor);

        await Assert.ThrowsAsync<AccountException>(() => Users.SetRoleAsync("boss", Roles.Editor, Actor));

        Assert.Equal(Roles.Admin, Assert.Single(await Users.ListAsync()).Role);
        Assert.True((await Kb.ScopeOfAsync("boss")).IsAdministrator);
    }

    [SkippableFact]
    public async Task DemotingAnAdmin_AfterPromotingAnother_LeavesOneRole()
    {
        await Users.AddAsync("boss", Roles.Admin, Password, Actor);
        await Users.AddAsync("chen", Roles.Editor, Password, Actor);

        await Users.SetRoleAsync("chen", Roles.Admin, Actor);
        await Users.SetRoleAsync("boss", Roles.Reader, Actor);

        Assert.Equal([("boss", Roles.Reader), ("chen", Roles.Admin)], (await Users.ListAsync()).Select(u => (u.UserName, u.Role)));
        using var scope = Kb.Services.CreateScope();
        var manager = scope.ServiceProvider.GetRequiredService<UserManager<RagUser>>();
        Assert.Equal([Roles.Reader], await manager.GetRolesAsync((await manager.FindByNameAsync("boss"))!));
    }

    [SkippableFact]
    public async Task SetRole_ToAnUnknownRole_IsRefused()
    {
        await Users.AddAsync("wang", Roles.Reader, Password, Actor);

        await Assert.ThrowsAsync<AccountException>(() => Users.SetRoleAsync("wang", "Owner", Actor));
    }

    [SkippableFact]
    public async Task ChangesToAnUnknownUser_FailNamingTheUser()
    {
        foreach (var change in new Func<Task>[]
                 {
                     () => Users.DisableAsync("ghost", Actor), () => Users.EnableAsync("ghost", Actor),
                     () => Users.SetRoleAsync("ghost", Roles.Reader, Actor), () => Users.ResetPasswordAsync("ghost", null, Actor),
                 })
        {
            var error = await Assert.ThrowsAsync<AccountException>(change);
            Assert.Contains("'ghost' does not exist", error.Message);
            Assert.Equal((AccountProblem.NoSuchUser, "ghost"), (error.Problem, error.Name));
        }
    }

    [SkippableFact]
    public async Task FailedSignIns_UpToTheLimit_LockTheAccount_WhenTheAccountLockoutIsOn()
    {
        await Users.AddAsync("wang", Roles.Reader, Password, Actor);
        using var scope = Kb.Services.CreateScope();
        var manager = scope.ServiceProvider.GetRequiredService<UserManager<RagUser>>();
        var wang = (await manager.FindByNameAsync("wang"))!;

        for (var i = 1; i < AccountLockoutFailures; i++) await manager.AccessFailedAsync(wang);
        Assert.False(await manager.IsLockedOutAsync(wang));
        await manager.AccessFailedAsync(wang);

        Assert.True(await manager.IsLockedOutAsync(wang));
        Assert.NotNull(Assert.Single(await Users.ListAsync()).LockedUntil);
    }

    [SkippableFact]
    public async Task ResetPassword_EndsTheLockout_AndOnlyTheNewPasswordWorks()
    {
        await Users.AddAsync("wang", Roles.Reader, Password, Actor);
        await LockOutAsync("wang");

        var fresh = await Users.ResetPasswordAsync("wang", password: null, Actor);

        Assert.Equal(18, fresh.Length);
        Assert.Null(Assert.Single(await Users.ListAsync()).LockedUntil);
        Assert.True(await CheckPasswordAsync("wang", fresh));
        Assert.False(await CheckPasswordAsync("wang", Password));
        using var scope = Kb.Services.CreateScope();
        var manager = scope.ServiceProvider.GetRequiredService<UserManager<RagUser>>();
        var wang = (await manager.FindByNameAsync("wang"))!;
        Assert.False(await manager.IsLockedOutAsync(wang));
        Assert.Equal(0, await manager.GetAccessFailedCountAsync(wang));
    }

    [SkippableFact]
    public async Task ResetPassword_ToOneTooShort_FailsAndKeepsTheOldPassword()
    {
        await Users.AddAsync("wang", Roles.Reader, Password, Actor);

        await Assert.ThrowsAsync<AccountException>(() => Users.ResetPasswordAsync("wang", "short", Actor));

        Assert.True(await CheckPasswordAsync("wang", Password));
    }

    [SkippableFact]
    public async Task ChangePassword_NeedsTheCurrentOne()
    {
        await Users.AddAsync("wang", Roles.Reader, Password, Actor);

        await Assert.ThrowsAsync<WrongPasswordException>(() => Users.ChangePasswordAsync("wang", "not-the-password", "another-long-password"));
        await Users.ChangePasswordAsync("wang", Password, "another-long-password");

        Assert.True(await CheckPasswordAsync("wang", "another-long-password"));
    }

    [SkippableFact]
    public async Task ChangePassword_ToOneTooShort_IsNotAWrongPassword()
    {
        await Users.AddAsync("wang", Roles.Reader, Password, Actor);

        var error = await Assert.ThrowsAsync<AccountException>(() => Users.ChangePasswordAsync("wang", Password, "short"));

        Assert.Contains("at least 12", error.Message);
        Assert.True(await CheckPasswordAsync("wang", Password));
    }

    [SkippableFact]
    public async Task WrongCurrentPasswords_CountTowardTheAccountLockout_WhenItIsOn()
    {
        await Users.AddAsync("wang", Roles.Reader, Password, Actor);

        for (var i = 0; i < AccountLockoutFailures; i++)
            await Assert.ThrowsAsync<WrongPasswordException>(() => Users.ChangePasswordAsync("wang", $"guess-{i}-password", "another-long-password"));

        Assert.NotNull(Assert.Single(await Users.ListAsync()).LockedUntil);
        var locked = await Assert.ThrowsAsync<AccountException>(() => Users.ChangePasswordAsync("wang", Password, "another-long-password"));
        Assert.Contains("locked", locked.Message);
        Assert.Equal(AccountProblem.LockedOut, locked.Problem);
    }

    [SkippableFact]
    public async Task AccountLockout_IsOffByDefault_SoNoNumberOfFailuresLocksTheAccount()
    {
        await using var kb = await CreatePlantAsync();
        await kb.Users.AddAsync("admin", Roles.Admin, Password, Actor);
        using var scope = kb.Services.CreateScope();
        var manager = scope.ServiceProvider.GetRequiredService<UserManager<RagUser>>();
        var admin = (await manager.FindByNameAsync("admin"))!;

        for (var i = 0; i < 50; i++) await manager.AccessFailedAsync(admin);

        Assert.False(await manager.IsLockedOutAsync(admin));
        Assert.Null(Assert.Single(await kb.Users.ListAsync()).LockedUntil);
    }

    [SkippableFact]
    public async Task Enable_EndsALockoutToo()
    {
        await Users.AddAsync("wang", Roles.Reader, Password, Actor);
        await LockOutAsync("wang");

        await Users.EnableAsync("wang", Actor);

        Assert.Null(Assert.Single(await Users.ListAsync()).LockedUntil);
    }

    [SkippableFact]
    public void GeneratedPasswords_AvoidLookAlikes_AndDiffer()
    {
        var passwords = Enumerable.Range(0, 50).Select(_ => UserAccounts.GeneratePassword()).ToList();

        Assert.All(passwords, p => Assert.Equal(18, p.Length));
        Assert.All(passwords, p => Assert.DoesNotContain(p, c => "0O1lI".Contains(c)));
        Assert.Equal(passwords.Count, passwords.Distinct().Count());
    }

    private async Task<bool> CheckPasswordAsync(string userName, string password)
    {
        using var scope = Kb.Services.CreateScope();
        var manager = scope.ServiceProvider.GetRequiredService<UserManager<RagUser>>();
        return await manager.CheckPasswordAsync((await manager.FindByNameAsync(userName))!, password);
    }

    private async Task LockOutAsync(string userName)
    {
        using var scope = Kb.Services.CreateScope();
        var manager = scope.ServiceProvider.GetRequiredService<UserManager<RagUser>>();
        var user = (await manager.FindByNameAsync(userName))!;
        for (var i = 0; i < AccountLockoutFailures; i++) await manager.AccessFailedAsync(user);
        Assert.True(await manager.IsLockedOutAsync(user));
    }
}

public sealed class SqliteUserAccountsContract : UserAccountsContract
{
    protected override bool OnPostgres => false;
}

public sealed class PostgresUserAccountsContract : UserAccountsContract
{
    protected override bool OnPostgres => true;
}
