using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using RagAssistant.Cli.Output;
using RagAssistant.Storage.Sqlite;

namespace RagAssistant.Cli.Commands;

/// <summary>
/// <c>rag backup FILE [--db FILE] [--force] [--json]</c>: a consistent copy of the whole knowledge base, taken while the
/// web app or another <c>rag</c> command keeps writing (<see cref="KnowledgeBaseBackup"/>).
/// </summary>
internal static class BackupCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "The backup file to write (its folder must exist)" };
        var force = new Option<bool>("--force") { Description = "Replace FILE if it exists" };
        var db = CommonOptions.Db();
        var json = CommonOptions.Json();
        var command = new Command("backup", "Copy the knowledge base (documents, originals, vectors, conversations, accounts, audit) to FILE, online")
        {
            file, db, force, json,
        };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse.GetValue(db), services =>
        {
            SqliteOnly.Require(services, "backup", SqliteOnly.BackupTools);
            var result = services.GetRequiredService<KnowledgeBaseBackup>().Create(parse.GetValue(file)!, parse.GetValue(force), ct);
            if (parse.GetValue(json))
                JsonOutput.Write(new BackupJson(result.Database, result.File, result.Bytes, result.Documents, result.Chunks, result.CreatedAt));
            else
                Console.Out.WriteLine($"backed up {result.Database} to {result.File}: {ByteSize.Format(result.Bytes)}, {result.Documents} documents, {result.Chunks} chunks");
            return Task.FromResult(ExitCodes.Success);
        }));
        return command;
    }
}
