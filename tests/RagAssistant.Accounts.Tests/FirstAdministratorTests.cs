using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using RagAssistant.Core.Access;
using static RagAssistant.Accounts.Tests.PlantKnowledgeBase;

namespace RagAssistant.Accounts.Tests;

/// <summary>The administrator created on a knowledge base with no users, and the file a generated password is kept in.</summary>
public sealed class FirstAdministratorTests
{
    [Fact]
    public async Task OnAnEmptyKnowledgeBase_CreatesAdminWithAGeneratedPasswordKeptBesideTheDatabase()
    {
        await using var kb = await CreateAsync(withDocuments: false);

        var created = await kb.FirstAdministrator.EnsureAsync();

        Assert.NotNull(created);
        Assert.Equal("admin", created.UserName);
        Assert.Equal(18, created.Password.Length);
        Assert.Equal(Path.Combine(kb.Folder, FirstAdministrator.PasswordFileName), created.PasswordFile);
        Assert.Equal($"admin\n{created.Password}\n", await File.ReadAllTextAsync(created.PasswordFile!));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(created.PasswordFile!));
        Assert.True(await CheckPasswordAsync(kb, "admin", created.Password));
        Assert.True((await kb.ScopeOfAsync("admin")).IsAdministrator);
    }

    [Fact]
    public async Task ALeftoverPasswordFile_IsReplacedByAnOwnerOnlyOne()
    {
        await using var kb = await CreateAsync(withDocuments: false);
        await File.WriteAllTextAsync(kb.FirstAdministrator.PasswordFilePath!, "old\nstale-password-from-a-deleted-database\n");
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(kb.FirstAdministrator.PasswordFilePath!, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);

        var created = await kb.FirstAdministrator.EnsureAsync();

        Assert.Equal($"admin\n{created!.Password}\n", await File.ReadAllTextAsync(created.PasswordFile!));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(created.PasswordFile!));
    }

    [Fact]
    public async Task SecondCall_CreatesNothing()
    {
        await using var kb = await CreateAsync(withDocuments: false);
        var first = await kb.FirstAdministrator.EnsureAsync();

        Assert.Null(await kb.FirstAdministrator.EnsureAsync());

        Assert.Equal(1, await kb.Users.CountAsync());
        Assert.True(await CheckPasswordAsync(kb, "admin", first!.Password));
    }

    [Fact]
    public async Task WhenUsersExist_CreatesNothing()
    {
        await using var kb = await CreateAsync(withDocuments: false);
        await kb.Users.AddAsync("boss", Roles.Admin, Password, Actor);

        Assert.Null(await kb.FirstAdministrator.EnsureAsync());
        Assert.False(File.Exists(kb.FirstAdministrator.PasswordFilePath));
    }

    [Fact]
    public async Task WithAConfiguredPassword_UsesItAndWritesNoFile()
    {
        await using var kb = await CreateAsync(new Dictionary<string, string?>
        {
            ["Rag:Accounts:InitialAdminPassword"] = "plant-admin-2026",
            ["Rag:Accounts:InitialAdminUserName"] = "root",
        }, withDocuments: false);

        var created = await kb.FirstAdministrator.EnsureAsync();

        Assert.Equal(new CreatedAdministrator("root", "plant-admin-2026", null), created);
        Assert.False(File.Exists(kb.FirstAdministrator.PasswordFilePath));
        Assert.True(await CheckPasswordAsync(kb, "root", "plant-admin-2026"));
    }

    [Fact]
    public async Task ForgetGeneratedPassword_DeletesTheFile_OnlyForTheFirstAdministrator()
    {
        await using var kb = await CreateAsync(withDocuments: false);
        var created = await kb.FirstAdministrator.EnsureAsync();

        kb.FirstAdministrator.ForgetGeneratedPassword("someone-else");
        Assert.True(File.Exists(created!.PasswordFile));

        kb.FirstAdministrator.ForgetGeneratedPassword("admin");
        Assert.False(File.Exists(created.PasswordFile));
        kb.FirstAdministrator.ForgetGeneratedPassword("admin"); // nothing left to delete
    }

    [Fact]
    public async Task CreatingTheAdministrator_IsAuditedAsTheSystem()
    {
        await using var kb = await CreateAsync(withDocuments: false);
        await kb.FirstAdministrator.EnsureAsync();

        var entry = Assert.Single(await kb.Audit.ListAsync());

        Assert.Equal(("system", AuditActions.UserAdded, "admin"), (entry.Actor, entry.Action, entry.Target));
    }

    private static async Task<bool> CheckPasswordAsync(PlantKnowledgeBase kb, string userName, string password)
    {
        using var scope = kb.Services.CreateScope();
        var manager = scope.ServiceProvider.GetRequiredService<UserManager<RagUser>>();
        return await manager.CheckPasswordAsync((await manager.FindByNameAsync(userName))!, password);
    }
}
