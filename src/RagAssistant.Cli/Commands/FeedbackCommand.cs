using System.CommandLine;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using RagAssistant.Core.Feedback;
using RagAssistant.Retrieval.Evaluation;

namespace RagAssistant.Cli.Commands;

/// <summary>
/// <c>rag feedback export --out FILE [--split dev|test] [--db FILE]</c>: the 👎 answers an administrator marked on
/// /admin/feedback, as an evaluation question file (EVAL.md) that <c>rag eval FILE</c> runs — the same file the page's
/// export button downloads.
/// </summary>
internal static class FeedbackCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out") { Description = "The question file to write (JSON lines)", HelpName = "FILE", Required = true };
        var split = new Option<string?>("--split") { Description = "Only the questions marked for this split (dev or test)", HelpName = "dev|test" };
        split.AcceptOnlyFromAmong(FeedbackMarkRules.Dev, FeedbackMarkRules.Test);
        var db = CommonOptions.Db();
        var export = new Command("export", "Write the marked 👎 answers as evaluation questions (EVAL.md)") { output, split, db };
        export.SetAction((parse, ct) => CommandRunner.RunAsync(parse.GetValue(db), async services =>
        {
            var marks = await services.GetRequiredService<IFeedbackStore>().ListMarksAsync(ct);
            var questions = FeedbackQuestions.From(marks, parse.GetValue(split));
            var path = parse.GetValue(output)!;
            try
            {
                await File.WriteAllTextAsync(path, FeedbackQuestions.ToJsonl(questions), new UTF8Encoding(false), ct);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new CommandException($"--out {path}: {ex.Message}");
            }
            Console.Error.WriteLine($"{questions.Count} questions written to {path}");
            return ExitCodes.Success;
        }));
        return new Command("feedback", "Answers users rated not helpful, as evaluation questions") { export };
    }
}
