using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using RagAssistant.Accounts;
using RagAssistant.Cli.Output;

namespace RagAssistant.Cli.Commands;

/// <summary><c>rag audit [--limit N] [--action A] [--db FILE] [--json]</c>: the audit log, newest first.</summary>
internal static class AuditCommand
{
    public static Command Create()
    {
        var limit = new Option<int>("--limit") { Description = "Number of entries (1-10000)", DefaultValueFactory = _ => 100, HelpName = "N" };
        limit.Validators.Add(r =>
        {
            if (r.GetValue(limit) is < 1 or > 10_000) r.AddError("--limit must be between 1 and 10000");
        });
        var action = new Option<string?>("--action") { Description = "Only this kind of event (e.g. user_add, grant, sign_in_failed)", HelpName = "A" };
        var db = CommonOptions.Db();
        var json = CommonOptions.Json();
        var command = new Command("audit", "Show the audit log (sign-ins, uploads, deletions, user, grant and key changes), newest first") { limit, action, db, json };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse.GetValue(db), async services =>
        {
            var entries = await services.GetRequiredService<AuditLog>().ListAsync(parse.GetValue(limit), parse.GetValue(action), ct);
            if (parse.GetValue(json))
                JsonOutput.Write(new AuditListJson(entries.Select(e => new AuditEntryJson(e.At, e.Actor, e.Action, e.Target, e.Detail, e.Address)).ToList()));
            else AccountsOutput.WriteAudit(entries);
            return ExitCodes.Success;
        }));
        return command;
    }
}
