using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using RagAssistant.Cli.Output;
using RagAssistant.Core.Storage;
using RagAssistant.Embeddings;
using RagAssistant.Ingestion;

namespace RagAssistant.Cli.Commands;

/// <summary><c>rag ingest PATH... [--db FILE] [--library NAME] [--password-file FILE] [--json]</c></summary>
internal static class IngestCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("PATH") { Description = "Files or folders to ingest (folders recursively)", Arity = ArgumentArity.OneOrMore };
        // The open-ended PATH list would otherwise swallow a mistyped option ("--jsn") as a file name.
        paths.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(t => t.Value.StartsWith('-') && t.Value.Length > 1))
                result.AddError($"Unrecognized option '{token.Value}' (a file whose name starts with '-' can be given as ./{token.Value})");
        });
        var db = CommonOptions.Db();
        var library = CommonOptions.Library();
        var passwordFile = new Option<string?>("--password-file") { Description = "File with one password per line, tried in order for encrypted files", HelpName = "FILE" };
        var json = CommonOptions.Json();
        var command = new Command("ingest", "Ingest documents into the knowledge base") { paths, db, library, passwordFile, json };

        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse.GetValue(db), async services =>
        {
            var request = new IngestRequest(parse.GetValue(library) ?? Libraries.Default)
            {
                Passwords = ReadPasswords(parse.GetValue(passwordFile)),
            };
            var pipeline = services.GetRequiredService<IngestionPipeline>();
            // Open (and validate) the database before any file is read, so a bad --db fails the command at once.
            await services.GetRequiredService<IDocumentStore>().OpenAsync(ct);

            IngestReport report;
            using (var bar = ProgressBar.ForTerminal())
                report = await pipeline.IngestPathsAsync(parse.GetValue(paths)!, request, bar, ct);

            if (parse.GetValue(json)) JsonOutput.Write(ToJson(report));
            else
            {
                await HumanOutput.WriteIngestAsync(report, services.GetRequiredService<IDocumentStore>(), ct);
                await EmbeddingStatus.WriteAsync(services.GetRequiredService<EmbeddingModelProvider>(), services.GetRequiredService<IChunkVectorStore>(), ct);
            }
            return ExitCodes.Success;
        }));
        return command;
    }

    private static IReadOnlyList<string> ReadPasswords(string? path)
    {
        if (path is null) return [];
        try
        {
            return File.ReadAllLines(path).Where(line => line.Length > 0).ToList();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CommandException($"cannot read password file {path}: {ex.Message}");
        }
    }

    private static IngestJson ToJson(IngestReport report) => new(
        report.Ingested, report.Unchanged, report.Replaced, report.Skipped, report.Failed,
        report.Files.Select(f => new IngestFileJson(f.Path, f.Status, f.DocumentId, f.Chunks, f.Warnings.Select(w => w.ToString()).ToList(), f.Error)).ToList());
}
