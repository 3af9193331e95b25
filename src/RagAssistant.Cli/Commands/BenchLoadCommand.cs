using System.CommandLine;
using RagAssistant.Cli.Bench;
using RagAssistant.Cli.Output;

namespace RagAssistant.Cli.Commands;

/// <summary>
/// <c>rag bench load --url URL (--api-key KEY… | --api-keys FILE) [--users N] [--duration S] [--questions FILE]
/// [--while-upload FILE [--library NAME]] [--idle-users N] [--json]</c>: N users asking questions from an eval file at
/// once against a running web app, optionally while a document uploads and ingests, and the same figures measured idle
/// in the same run. The phases, in order: a warm-up round (one question per user, not counted); idle — the idle users
/// (default N with an upload, so the ratios show what the ingestion costs the askers; 1 without, so they show what N
/// users cost against one) asking for S seconds; with an upload, the file ingested alone (its idle time) and deleted;
/// then loaded — N users asking while the file is uploaded and ingested again, for S seconds or until the ingestion
/// ends, whichever is later; the document is deleted again. User i signs in with key i mod (number of keys).
/// </summary>
internal static class BenchLoadCommand
{
    private const string DefaultQuestions = "corpus/eval/questions.jsonl";
    private const string DefaultLibrary = "bench-load";

    public static Command Create()
    {
        var url = new Option<string>("--url") { Description = "The web app, e.g. http://plant-server:8080", HelpName = "URL", Required = true };
        var keys = new Option<string[]>("--api-key") { Description = "An API key (rag_…); repeat for one per user (cycled when fewer than --users)", HelpName = "KEY" };
        var keysFile = new Option<string?>("--api-keys") { Description = "A file with one API key per line (cycled when fewer than --users)", HelpName = "FILE" };
        var users = new Option<int>("--users") { Description = "Users asking at once", DefaultValueFactory = _ => 10 };
        var duration = new Option<int>("--duration") { Description = "Seconds each asking phase lasts (the loaded one at least until the upload is ingested)", HelpName = "S", DefaultValueFactory = _ => 30 };
        var questionsFile = new Option<string>("--questions") { Description = $"Questions (JSONL with a \"question\" field, EVAL.md; default {DefaultQuestions})", HelpName = "FILE", DefaultValueFactory = _ => DefaultQuestions };
        var upload = new Option<string?>("--while-upload") { Description = "Upload this document while the users ask (and once alone, for its idle ingestion time)", HelpName = "FILE" };
        var library = new Option<string>("--library") { Description = $"Library the upload goes to (default {DefaultLibrary}, so a copy already in the knowledge base is not a duplicate); it is deleted after each run", HelpName = "NAME", DefaultValueFactory = _ => DefaultLibrary };
        var idleUsers = new Option<int?>("--idle-users") { Description = "Users asking in the idle phase (default: --users with --while-upload, else 1)", HelpName = "N" };
        var json = CommonOptions.Json();
        var command = new Command("load", "Answer latency and rate of N concurrent askers against a running web app, optionally while a document ingests, vs idle")
            { url, keys, keysFile, users, duration, questionsFile, upload, library, idleUsers, json };
        command.SetAction(async (parse, ct) =>
        {
            var settings = new LoadSettings(parse.GetValue(url)!, parse.GetValue(keys) ?? [], parse.GetValue(keysFile), parse.GetValue(users),
                parse.GetValue(duration), parse.GetValue(questionsFile)!, parse.GetValue(upload), parse.GetValue(library)!, parse.GetValue(idleUsers));
            if (settings.UsageProblem() is { } usage)
            {
                Console.Error.WriteLine($"rag: {usage}");
                return ExitCodes.Usage;
            }
            try
            {
                var run = await LoadBenchmark.RunAsync(settings, ct);
                if (parse.GetValue(json)) JsonOutput.Write(run.ToJson());
                else run.Print(Console.Out);
                return ExitCodes.Success;
            }
            catch (CommandException ex)
            {
                return CommandRunner.Fail(ex.Message);
            }
            catch (OperationCanceledException)
            {
                return CommandRunner.Fail("cancelled");
            }
        });
        return command;
    }
}
