using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using RagAssistant.Accounts;
using RagAssistant.Cli.Output;

namespace RagAssistant.Cli.Commands;

/// <summary><c>rag users key create NAME [--name LABEL] [--expires-days N]|list [NAME]|revoke ID [--db FILE] [--json]</c>: per-user API keys.</summary>
internal static class UserKeysCommand
{
    public static Command Create() => new("key", "Create, list and revoke a user's API keys")
    {
        CreateKey(), List(), Revoke(),
    };

    private static Command CreateKey()
    {
        var user = new Argument<string>("NAME") { Description = "The user the key acts as" };
        var label = new Option<string>("--name") { Description = "A label to tell keys apart (e.g. mes-line-3)", HelpName = "LABEL", DefaultValueFactory = _ => "key" };
        var days = new Option<int?>("--expires-days")
        {
            Description = $"Days the key works (1-{ApiKeys.MaxDays}; default Rag:Accounts:ApiKeyDays, 365)", HelpName = "N",
        };
        days.Validators.Add(r =>
        {
            if (r.GetValue(days) is < 1 or > ApiKeys.MaxDays) r.AddError($"--expires-days must be between 1 and {ApiKeys.MaxDays}");
        });
        var db = CommonOptions.Db();
        var json = CommonOptions.Json();
        var command = new Command("create", "Create an API key for a user; the key is printed only this once") { user, label, days, db, json };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse.GetValue(db), async services =>
        {
            var userName = parse.GetValue(user)!.Trim();
            var name = parse.GetValue(label)!;
            var created = await services.GetRequiredService<ApiKeys>().CreateAsync(userName, name, UsersCommand.Actor, parse.GetValue(days), ct);
            if (parse.GetValue(json)) JsonOutput.Write(new ApiKeyCreatedJson(userName, name, created.Key, created.ExpiresAt));
            else
                Console.Out.WriteLine($"API key '{name}' for {userName}: {created.Key}\n" +
                                      $"(shown only this once; only its hash is kept; it works until {AccountsOutput.Time(created.ExpiresAt)})");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command List()
    {
        var user = new Argument<string?>("NAME") { Description = "Only this user's keys (default: everyone's)", Arity = ArgumentArity.ZeroOrOne };
        var db = CommonOptions.Db();
        var json = CommonOptions.Json();
        var command = new Command("list", "List API keys (never the keys themselves: their prefix)") { user, db, json };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse.GetValue(db), async services =>
        {
            var userName = parse.GetValue(user)?.Trim();
            // An unknown name is a mistake to report, not an empty list.
            if (userName is not null && !(await services.GetRequiredService<UserAccounts>().ListAsync(ct))
                    .Any(u => string.Equals(u.UserName, userName, StringComparison.OrdinalIgnoreCase)))
                throw new CommandException($"user '{userName}' does not exist");
            var keys = await services.GetRequiredService<ApiKeys>().ListAsync(userName, ct);
            if (parse.GetValue(json))
                JsonOutput.Write(new ApiKeyListJson(keys.Select(k => new ApiKeyJson(k.Id, k.UserName, k.Name, k.Prefix, k.CreatedAt, k.LastUsedAt, k.RevokedAt, k.ExpiresAt)).ToList()));
            else AccountsOutput.WriteKeys(keys);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Revoke()
    {
        var id = new Argument<long>("ID") { Description = "Key id (see 'rag users key list')" };
        var db = CommonOptions.Db();
        var command = new Command("revoke", "Revoke an API key; it stops working at once") { id, db };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse.GetValue(db), async services =>
        {
            var keyId = parse.GetValue(id);
            if (!await services.GetRequiredService<ApiKeys>().RevokeAsync(keyId, UsersCommand.Actor, ct: ct))
                throw new CommandException($"no active API key with id {keyId}");
            Console.Out.WriteLine($"revoked API key {keyId}");
            return ExitCodes.Success;
        }));
        return command;
    }
}
