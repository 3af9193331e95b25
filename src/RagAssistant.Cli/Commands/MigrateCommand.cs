using System.CommandLine;
using RagAssistant.Cli.Migration;
using RagAssistant.Cli.Output;

namespace RagAssistant.Cli.Commands;

/// <summary>
/// <c>rag migrate --from FILE.db --to CONNECTION [--json]</c>: copies a SQLite knowledge base with its vectors, accounts
/// and conversations into a PostgreSQL database, resumably (<see cref="KnowledgeBaseMigrator"/>). Both ends are named
/// here, so <c>Rag:Storage:Provider</c> plays no part.
/// </summary>
internal static class MigrateCommand
{
    public static Command Create()
    {
        var from = new Option<string>("--from") { Description = "The SQLite knowledge-base file to copy (opened read-only)", HelpName = "FILE.db", Required = true };
        var to = new Option<string>("--to") { Description = "The PostgreSQL database to copy into (an Npgsql connection string): empty, or holding an interrupted copy of FILE.db", HelpName = "CONNECTION", Required = true };
        var json = CommonOptions.Json();
        var command = new Command("migrate",
            "Copy a SQLite knowledge base to PostgreSQL: documents, originals, chunks with vectors and keyword index, conversations, feedback, " +
            "ingest jobs, users, passwords, API keys, grants and audit, ids kept. Run it again after an interruption to continue. " +
            "Sign-in sessions are not copied (their keys live outside the file): people sign in again.")
        {
            from, to, json,
        };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(async () =>
        {
            await using var session = MigrationSession.Open(parse.GetValue(from)!, parse.GetValue(to)!);
            MigrationReport report;
            try
            {
                report = await session.Migrator.RunAsync(p => Console.Error.WriteLine($"rag migrate: {p.Table} {p.Copied}/{p.Total}"), ct);
            }
            catch (OperationCanceledException)
            {
                return CommandRunner.Fail("migration interrupted; what was copied is kept: run the same command again to continue");
            }
            if (parse.GetValue(json))
                JsonOutput.Write(new MigrateJson(report.From, report.To, report.Copied, report.AlreadyDone, report.Mismatches.Count == 0, report.Tables));
            else
            {
                MigrateOutput.WriteTable(Console.Out, report);
                Console.Out.WriteLine(report.AlreadyDone
                    ? $"nothing left to copy: {report.From} was already migrated to {report.To}"
                    : $"migrated {report.From} to {report.To}: {report.Copied} rows copied");
            }
            if (report.Mismatches.Count > 0)
                return CommandRunner.Fail("row counts differ after the copy (" +
                    string.Join(", ", report.Mismatches.Select(m => $"{m.Table}: {m.Source} in the file, {m.Target} in the database")) +
                    "): rows changed in place between runs (a document replaced or deleted in the file) or were written to the database during the copy; migrate into an empty database again");
            return ExitCodes.Success;
        }));
        return command;
    }
}
