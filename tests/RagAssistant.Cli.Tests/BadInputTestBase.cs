using System.Text.Json;
using RagAssistant.Testing;

namespace RagAssistant.Cli.Tests;

/// <summary>
/// Bad input, each case the same way: a good file is stored first, then a batch holding the bad input and another good
/// file is ingested. The bad file is reported with its reason, the good one in the same batch is ingested, and the
/// document stored before is still listed with the same chunk count. (The cases are split over three classes only so
/// that xUnit runs them in parallel.)
/// </summary>
public abstract class BadInputTestBase : IDisposable
{
    protected TempDirectory Temp { get; } = new();

    protected string Db => Temp.File("kb.db");

    public void Dispose()
    {
        Temp.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// Stores a good file, then ingests <paramref name="badPath"/> together with another good file; asserts the batch
    /// went on and nothing stored was lost, and returns the bad file's result.
    /// </summary>
    protected async Task<JsonElement> IngestBatchWithAsync(string badPath, IReadOnlyDictionary<string, string>? env = null)
    {
        var (report, _) = await IngestBatchAsync([badPath], env);
        return Rag.FileResult(report, badPath);
    }

    protected async Task<(JsonElement Report, JsonElement List)> IngestBatchAsync(string[] badPaths, IReadOnlyDictionary<string, string>? env = null)
    {
        Temp.WriteText("stored-before.md", Rag.Markdown("lathe spindle run-in"));
        var before = Rag.FileResult(await Rag.JsonAsync(Temp.Path, env, "ingest", "stored-before.md", "--db", Db), "stored-before.md");
        Assert.Equal("ingested", before.Status());

        Temp.WriteText("good-after.md", Rag.Markdown("coordinate measuring machine"));
        var report = await Rag.JsonAsync(Temp.Path, env, ["ingest", .. badPaths, "good-after.md", "--db", Db]);
        Assert.Equal("ingested", Rag.FileResult(report, "good-after.md").Status());

        var list = await Rag.ListAsync(Temp.Path, Db);
        var stored = Rag.Document(list, "stored-before.md");
        Assert.Equal(before.GetProperty("documentId").GetInt64(), stored.Id());
        Assert.Equal(before.Chunks(), stored.Chunks());
        Assert.True(Rag.HasDocument(list, "good-after.md"));
        return (report, list);
    }
}
