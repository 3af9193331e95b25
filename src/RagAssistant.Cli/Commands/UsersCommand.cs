using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using RagAssistant.Accounts;
using RagAssistant.Cli.Output;
using RagAssistant.Core.Access;

namespace RagAssistant.Cli.Commands;

/// <summary>
/// <c>rag users list|add NAME|disable NAME|enable NAME|role NAME ROLE|reset-password NAME|key … [--db FILE]</c>:
/// local accounts, managed by the operator of the machine (audited as actor "local").
/// </summary>
internal static class UsersCommand
{
    /// <summary>The audit log's actor for changes made with the <c>rag</c> command.</summary>
    public const string Actor = "local";

    public static Command Create() => new("users", "Manage user accounts, their roles, passwords and API keys")
    {
        List(), Add(), Disable(), Enable(), Role(), ResetPassword(), UserKeysCommand.Create(),
    };

    private static Argument<string> UserName() => new("NAME") { Description = "User name" };

    private static Command List()
    {
        var db = CommonOptions.Db();
        var json = CommonOptions.Json();
        var command = new Command("list", "List users with their role and status") { db, json };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse.GetValue(db), async services =>
        {
            var users = await services.GetRequiredService<UserAccounts>().ListAsync(ct);
            if (parse.GetValue(json))
                JsonOutput.Write(new UserListJson(users.Select(u => new UserJson(u.UserName, u.Role, u.Disabled, u.LockedUntil, u.CreatedAt, u.ApiKeys)).ToList()));
            else AccountsOutput.WriteUsers(users);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Add()
    {
        var name = UserName();
        var role = new Option<string>("--role") { Description = "reader (default), editor or admin", HelpName = RoleOption.HelpName, DefaultValueFactory = _ => "reader" };
        role.Validators.Add(r => RoleOption.Validate(r, "--role", r.GetValue(role)));
        var passwordFile = CommonOptions.PasswordFile("Take the password from this file's first line (default: generate one and print it once)");
        var db = CommonOptions.Db();
        var json = CommonOptions.Json();
        var command = new Command("add", "Add a user; prints a generated password once unless --password-file is given") { name, role, passwordFile, db, json };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse.GetValue(db), async services =>
        {
            var userName = parse.GetValue(name)!.Trim();
            var canonicalRole = Roles.Parse(parse.GetValue(role))!;
            var given = PasswordFile.Read(parse.GetValue(passwordFile));
            var password = await services.GetRequiredService<UserAccounts>().AddAsync(userName, canonicalRole, given, Actor, ct);
            if (parse.GetValue(json)) JsonOutput.Write(new UserPasswordJson(userName, canonicalRole, password));
            else if (given is null) Console.Out.WriteLine($"added user {userName} ({canonicalRole}); password: {password}\n(shown only this once)");
            else Console.Out.WriteLine($"added user {userName} ({canonicalRole})");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Disable() => Change("disable", "Disable a user: no sign-in, API keys stop working, open sessions end",
        (accounts, userName, ct) => accounts.DisableAsync(userName, Actor, ct), "disabled user {0}");

    private static Command Enable() => Change("enable", "Enable a disabled or locked-out user",
        (accounts, userName, ct) => accounts.EnableAsync(userName, Actor, ct), "enabled user {0}");

    private static Command Change(string verb, string description, Func<UserAccounts, string, CancellationToken, Task> change, string done)
    {
        var name = UserName();
        var db = CommonOptions.Db();
        var command = new Command(verb, description) { name, db };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse.GetValue(db), async services =>
        {
            var userName = parse.GetValue(name)!.Trim();
            await change(services.GetRequiredService<UserAccounts>(), userName, ct);
            Console.Out.WriteLine(string.Format(System.Globalization.CultureInfo.InvariantCulture, done, userName));
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Role()
    {
        var name = UserName();
        var role = new Argument<string>("ROLE") { Description = "reader, editor or admin", HelpName = RoleOption.HelpName };
        role.Validators.Add(r => RoleOption.Validate(r, "ROLE", r.GetValue(role)));
        var db = CommonOptions.Db();
        var command = new Command("role", "Change a user's role") { name, role, db };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse.GetValue(db), async services =>
        {
            var userName = parse.GetValue(name)!.Trim();
            var canonicalRole = Roles.Parse(parse.GetValue(role))!;
            await services.GetRequiredService<UserAccounts>().SetRoleAsync(userName, canonicalRole, Actor, ct);
            Console.Out.WriteLine($"user {userName} is now {canonicalRole}");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command ResetPassword()
    {
        var name = UserName();
        var passwordFile = CommonOptions.PasswordFile("Take the new password from this file's first line (default: generate one and print it once)");
        var db = CommonOptions.Db();
        var json = CommonOptions.Json();
        var command = new Command("reset-password", "Set a new password (generated unless --password-file is given), ending lockout and open sessions") { name, passwordFile, db, json };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse.GetValue(db), async services =>
        {
            var userName = parse.GetValue(name)!.Trim();
            var given = PasswordFile.Read(parse.GetValue(passwordFile));
            var password = await services.GetRequiredService<UserAccounts>().ResetPasswordAsync(userName, given, Actor, ct);
            if (parse.GetValue(json)) JsonOutput.Write(new PasswordResetJson(userName, password));
            else Console.Out.WriteLine($"new password for {userName}: {password}\n(shown only this once)");
            return ExitCodes.Success;
        }));
        return command;
    }
}
