using System.Text.Json;
using RagAssistant.Testing;

namespace RagAssistant.Cli.Tests;

/// <summary>
/// corpus/docs ingested once (from the repository root, so sources read "corpus/docs/…") into a temp database, for
/// test classes whose tests only read it.
/// </summary>
public sealed class CorpusFixture : IAsyncLifetime
{
    public TempDirectory Temp { get; } = new();

    public string Db => Temp.File("kb.db");

    public static string Root => RepositoryPaths.Root;

    /// <summary>How many documents corpus/docs holds (it grows as readers are added).</summary>
    public static int FileCount => Directory.GetFiles(RepositoryPaths.Corpus).Length;

    /// <summary>The raw run of <c>rag ingest corpus/docs --db kb.db --json</c>.</summary>
    public RagResult IngestRun { get; private set; } = null!;

    public JsonElement Ingest { get; private set; }

    /// <summary><c>rag docs list --json</c> right after the ingest.</summary>
    public JsonElement List { get; private set; }

    public async Task InitializeAsync()
    {
        IngestRun = await RagProcess.RunAsync(["ingest", "corpus/docs", "--db", Db, "--json"], Root);
        Assert.True(IngestRun.ExitCode == 0, $"corpus ingest failed: {IngestRun}");
        Ingest = Rag.ParseSingleDocument(IngestRun);
        List = await Rag.ListAsync(Root, Db);
    }

    /// <summary>The listed document stored from corpus/docs/<paramref name="fileName"/>.</summary>
    public JsonElement Document(string fileName) => Rag.Document(List, $"corpus/docs/{fileName}");

    public Task DisposeAsync()
    {
        Temp.Dispose();
        return Task.CompletedTask;
    }
}
