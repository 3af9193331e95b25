using System.CommandLine;
using System.Text;
using RagAssistant.Cli;
using RagAssistant.Cli.Commands;

// Chinese file names and text must reach the terminal intact.
Console.OutputEncoding = Encoding.UTF8;

var root = new RootCommand("rag — the RagAssistant knowledge-base command")
{
    IngestCommand.Create(),
    DocsCommand.Create(),
    SearchCommand.Create(),
    AskCommand.Create(),
    EvalCommand.Create(),
    BenchCommand.Create(),
    TablesCommand.Create(),
    ReembedCommand.Create(),
    UsersCommand.Create(),
    LibrariesCommand.Create(),
    AuditCommand.Create(),
    FeedbackCommand.Create(),
    BackupCommand.Create(),
    RestoreCommand.Create(),
    CheckCommand.Create(),
    MigrateCommand.Create(),
};

var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    foreach (var error in parse.Errors) Console.Error.WriteLine($"rag: {error.Message}");
    Console.Error.WriteLine("Run 'rag --help' for usage.");
    return ExitCodes.Usage;
}
return await parse.InvokeAsync();
