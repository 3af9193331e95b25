using RagAssistant.Core.Search;
using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RagAssistant.Cli.Output;
using RagAssistant.Core.Evaluation;
using RagAssistant.Retrieval;
using RagAssistant.Retrieval.Evaluation;

namespace RagAssistant.Cli.Commands;

/// <summary>
/// <c>rag eval FILE.jsonl… [--db FILE] [--retriever dense|keyword|hybrid] [--no-answers] [--split dev|test] [--json]</c>
/// (EVAL.md): several question files are scored as one set (ids must be unique across them); the report adds the
/// dev and test splits and their gap.
/// </summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("FILE") { Description = "Question files, one JSON object per line (EVAL.md)", Arity = ArgumentArity.OneOrMore };
        var db = CommonOptions.Db();
        var retriever = new Option<RetrieverMode>("--retriever") { Description = "hybrid (default), dense or keyword", DefaultValueFactory = _ => RetrieverMode.Hybrid };
        var noAnswers = new Option<bool>("--no-answers") { Description = "Score retrieval only" };
        var details = new Option<string?>("--details") { Description = "Also write one JSON line per question (answer, mode, citations against gold, top retrieved) to this file", HelpName = "FILE" };
        var split = new Option<string?>("--split") { Description = "Score only the questions of this split (dev or test)", HelpName = "dev|test" };
        split.AcceptOnlyFromAmong(EvalAggregator.Dev, EvalAggregator.Test);
        var json = CommonOptions.Json();
        var command = new Command("eval", "Evaluate retrieval and answers on question files") { files, db, retriever, noAnswers, split, details, json };

        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse.GetValue(db), async services =>
        {
            var questions = EvalQuestionFiles.Read(parse.GetValue(files)!);
            if (parse.GetValue(split) is { } only) questions = questions.Where(q => q.Split == only).ToList();
            var outcomes = await services.GetRequiredService<EvalRunner>()
                .RunOutcomesAsync(questions, parse.GetValue(retriever), withAnswers: !parse.GetValue(noAnswers), cancellationToken: ct);
            var report = EvalAggregator.Report(outcomes);
            if (parse.GetValue(details) is { } detailsPath) EvalDetails.Write(detailsPath, outcomes);

            if (parse.GetValue(json))
            {
                var options = new JsonSerializerOptions(EvalJsonContext.Default.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
                Console.Out.WriteLine(JsonSerializer.Serialize(report, new EvalJsonContext(options).EvalReport));
            }
            else
            {
                WriteHuman(report, parse.GetValue(retriever));
            }
            return ExitCodes.Success;
        }));
        return command;
    }

    private static void WriteHuman(EvalReport report, RetrieverMode mode)
    {
        var o = Console.Out;
        o.WriteLine($"retriever: {mode.ToString().ToLowerInvariant()}, {report.Questions} questions, {report.Answerable} answerable");
        o.WriteLine($"{"",-14} {"hit@1",6} {"hit@5",6} {"hit@10",6} {"rec@5",6} {"mrr@10",6} {"ndcg@10",7} {"tokens",6}");
        Row("all", report);
        foreach (var (name, summary) in report.BySplit) Row("split " + name, summary);
        foreach (var (lang, summary) in report.ByLang) Row("lang " + lang, summary);
        foreach (var (kind, summary) in report.ByKind) Row(kind.Length > 14 ? kind[..14] : kind, summary);
        o.WriteLine($"answers: answer_contains {F(report.AnswerContains)}, citation_precision {F(report.CitationPrecision)}, " +
                    $"abstention {F(report.Abstention)}, false_abstention {F(report.FalseAbstention)}");
        if (report.BySplit.Count > 0) WriteSplits(report);
        o.WriteLine($"latency ms: retrieve p50 {F(report.LatencyMs.Retrieve.P50)} p95 {F(report.LatencyMs.Retrieve.P95)}");
        foreach (var failure in report.Failures)
        {
            o.WriteLine($"MISS {failure.Id}: {failure.Question}");
            foreach (var top in failure.Top) o.WriteLine($"     {top.Source} [{top.Locator}] {top.Text}");
        }

        void Row(string name, EvalSummary s) =>
            o.WriteLine($"{name,-14} {F(s.Hit1),6} {F(s.Hit5),6} {F(s.Hit10),6} {F(s.Recall5),6} {F(s.Mrr10),6} {F(s.Ndcg10),7} {F(s.MeanChunkTokens),6}");
    }

    /// <summary>dev and test side by side with their gap (dev − test): the number to watch when a change is tuned on dev.</summary>
    private static void WriteSplits(EvalReport report)
    {
        var o = Console.Out;
        report.BySplit.TryGetValue(EvalAggregator.Dev, out var dev);
        report.BySplit.TryGetValue(EvalAggregator.Test, out var test);
        o.WriteLine($"{"split",-20} {"dev",8} {"test",8} {"gap",8}");
        o.WriteLine($"{"questions",-20} {dev?.Questions.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-",8} {test?.Questions.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-",8}");
        foreach (var (key, value) in new (string, Func<EvalSummary, double?>)[]
                 {
                     ("hit@5", s => s.Hit5), ("mrr@10", s => s.Mrr10), ("recall@10", s => s.Recall10),
                     ("answer_contains", s => s.AnswerContains), ("citation_precision", s => s.CitationPrecision),
                     ("abstention", s => s.Abstention), ("false_abstention", s => s.FalseAbstention),
                 })
        {
            o.WriteLine($"{key,-20} {F(dev is null ? null : value(dev)),8} {F(test is null ? null : value(test)),8} " +
                        $"{F(report.SplitGap is { } gap && gap.TryGetValue(key, out var g) ? g : null),8}");
        }
    }

    private static string F(double? value) => value is { } v ? v.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture) : "-";
}
