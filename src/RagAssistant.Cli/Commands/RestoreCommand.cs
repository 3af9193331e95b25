using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RagAssistant.Accounts;
using RagAssistant.Cli.Output;
using RagAssistant.Storage.Sqlite;

namespace RagAssistant.Cli.Commands;

/// <summary>
/// <c>rag restore FILE [--db FILE] [--json]</c>: replaces the knowledge base with a checked backup, keeping the replaced
/// file beside it; refused while the web app or another <c>rag</c> command has the database open
/// (<see cref="KnowledgeBaseRestore"/>). The database itself is never opened here before the exclusive lock is taken.
/// </summary>
internal static class RestoreCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "The backup to restore (made by 'rag backup' or the web app's scheduled backup)" };
        var db = CommonOptions.Db();
        var json = CommonOptions.Json();
        var command = new Command("restore", "Replace the knowledge base with a backup; the replaced database is kept as NAME.before-restore-TIMESTAMP")
        {
            file, db, json,
        };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse.GetValue(db), services =>
        {
            SqliteOnly.Require(services, "restore", SqliteOnly.RestoreTools);
            var database = services.GetRequiredService<IOptions<SqliteStorageOptions>>().Value.DatabasePath;
            var result = KnowledgeBaseRestore.Restore(parse.GetValue(file)!, database, AccountsSchema.Version,
                services.GetService<TimeProvider>() ?? TimeProvider.System);
            if (parse.GetValue(json))
            {
                JsonOutput.Write(new RestoreJson(result.Database, result.Backup, result.Previous, result.Documents, result.Chunks, result.SchemaVersion));
            }
            else
            {
                Console.Out.WriteLine($"restored {result.Backup} into {result.Database}: {result.Documents} documents, {result.Chunks} chunks");
                Console.Out.WriteLine(result.Previous is null
                    ? "there was no database before"
                    : $"the replaced database was kept as {result.Previous}");
            }
            return Task.FromResult(ExitCodes.Success);
        }));
        return command;
    }
}
