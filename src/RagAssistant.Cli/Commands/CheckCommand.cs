using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using RagAssistant.Cli.Output;
using RagAssistant.Storage.Sqlite;

namespace RagAssistant.Cli.Commands;

/// <summary>
/// <c>rag check [--db FILE] [--repair] [--json]</c>: the integrity, key, vector, keyword-index, revision and original-file
/// checks of <see cref="KnowledgeBaseCheck"/>; exit 0 when nothing is wrong (after <c>--repair</c>: nothing is left),
/// else exit 1 with every problem reported (on stdout, as JSON with <c>--json</c>) and a summary line on stderr.
/// </summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var repair = new Option<bool>("--repair") { Description = "Rebuild the derived indexes (keyword index, vectors to re-embed, revision marks) that the check finds broken, then check again" };
        var db = CommonOptions.Db();
        var json = CommonOptions.Json();
        var command = new Command("check", "Check the knowledge base: integrity, foreign keys, vectors, the keyword index against the chunks") { db, repair, json };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse.GetValue(db), services =>
        {
            SqliteOnly.Require(services, "check", SqliteOnly.CheckTools);
            var report = services.GetRequiredService<KnowledgeBaseCheck>().Run(parse.GetValue(repair), ct);
            if (parse.GetValue(json)) JsonOutput.Write(ToJson(report));
            else WriteHuman(report);
            if (report.Ok) return Task.FromResult(ExitCodes.Success);
            var repairable = report.Problems.Count(p => p.Repairable);
            var hint = repairable > 0 && !parse.GetValue(repair) ? $" ({repairable} repairable: run rag check --repair)" : "";
            return Task.FromResult(CommandRunner.Fail($"check found {report.Problems.Count} problems in {report.Database}{hint}"));
        }));
        return command;
    }

    private static CheckJson ToJson(CheckReport r) => new(
        r.Database, r.Ok, r.Documents, r.Chunks, r.Vectors, r.Problems.Select(ToJson).ToList(), r.Repaired.Select(ToJson).ToList(), r.Repairs);

    private static CheckProblemJson ToJson(CheckProblem p) => new(p.Check, p.Table, p.Id, p.Message, p.Repairable);

    private static void WriteHuman(CheckReport report)
    {
        var o = Console.Out;
        o.WriteLine($"{report.Database}: {report.Documents} documents, {report.Chunks} chunks, {report.Vectors} vectors");
        foreach (var done in report.Repairs) o.WriteLine($"REPAIRED  {done}");
        foreach (var p in report.Problems)
            o.WriteLine($"{(p.Repairable ? "PROBLEM" : "DAMAGE"),-9} [{p.Check}] {p.Message}");
        o.WriteLine(report.Ok ? "ok: no problems found" : $"{report.Problems.Count} problems");
    }
}
