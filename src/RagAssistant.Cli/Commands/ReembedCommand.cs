using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using RagAssistant.Cli.Output;
using RagAssistant.Core.Storage;
using RagAssistant.Ingestion;

namespace RagAssistant.Cli.Commands;

/// <summary><c>rag reembed [--db FILE] [--json]</c>: re-embeds every chunk whose model differs from the configured one.</summary>
internal static class ReembedCommand
{
    public static Command Create()
    {
        var db = CommonOptions.Db();
        var json = CommonOptions.Json();
        var command = new Command("reembed", "Re-embed every chunk whose vector was made by another model than the configured one") { db, json };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse.GetValue(db), async services =>
        {
            await services.GetRequiredService<IDocumentStore>().OpenAsync(ct);
            var report = await services.GetRequiredService<ReembedService>().ReembedAsync(cancellationToken: ct);
            if (parse.GetValue(json)) JsonOutput.Write(new ReembedJson(report.Model, report.Dimension, report.Reembedded, report.Total));
            else Console.Out.WriteLine($"re-embedded {report.Reembedded} of {report.Total} chunks with {report.Model} ({report.Dimension} dimensions)");
            return ExitCodes.Success;
        }));
        return command;
    }
}
