using System.Text.Json;
using RagAssistant.Testing;

namespace RagAssistant.Cli.Tests;

/// <summary>
/// One transaction per document: a rag process killed while a document's transaction is open leaves the knowledge base
/// as it was before that document (the documents committed before it stay). Uses the RAG_TEST_HANG_BEFORE_COMMIT
/// fault point, which makes the writer block inside the open transaction of the named source.
/// </summary>
public sealed class CrashSafetyTests : IDisposable
{
    private const string HangVariable = "RAG_TEST_HANG_BEFORE_COMMIT";
    private static readonly TimeSpan MarkerTimeout = TimeSpan.FromSeconds(60);

    private readonly TempDirectory _temp = new();

    private string Db => _temp.File("kb.db");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task KillMidIngest_OfChangedFile_KeepsItsOldContentAndEarlierCommits()
    {
        _temp.WriteText("folder/a.md", Doc("A-ORIGINAL", sections: 1));
        _temp.WriteText("folder/b.md", Doc("B-OLD", sections: 1));
        _temp.WriteText("folder/c.md", Doc("C-OLD", sections: 1));
        var first = await Rag.IngestAsync(_temp.Path, Db, "folder");
        Assert.Equal(3, first.GetProperty("ingested").GetInt32());
        var listBefore = await Rag.ListAsync(_temp.Path, Db);
        var textsBefore = await ChunkTextsBySourceAsync(listBefore);

        _temp.WriteText("folder/b.md", Doc("B-NEW", sections: 3));
        _temp.WriteText("folder/c.md", Doc("C-NEW", sections: 4));
        await IngestAndKillAtAsync("c.md", "folder/c.md");

        var listAfter = await Rag.ListAsync(_temp.Path, Db);
        var textsAfter = await ChunkTextsBySourceAsync(listAfter);
        Assert.Equal(3, Rag.Documents(listAfter).Count);
        Assert.Equal(Rag.Document(listBefore, "folder/a.md").ToString(), Rag.Document(listAfter, "folder/a.md").ToString());
        Assert.Equal(textsBefore["folder/a.md"], textsAfter["folder/a.md"]);
        // b.md's transaction committed before c.md's began.
        Assert.Contains(textsAfter["folder/b.md"], t => t.Contains("B-NEW", StringComparison.Ordinal));
        Assert.DoesNotContain(textsAfter["folder/b.md"], t => t.Contains("B-OLD", StringComparison.Ordinal));
        Assert.Equal(3, Rag.Document(listAfter, "folder/b.md").Chunks());
        // c.md's killed transaction left no trace.
        Assert.Equal(Rag.Document(listBefore, "folder/c.md").ToString(), Rag.Document(listAfter, "folder/c.md").ToString());
        Assert.Equal(textsBefore["folder/c.md"], textsAfter["folder/c.md"]);
        Assert.DoesNotContain(textsAfter["folder/c.md"], t => t.Contains("C-NEW", StringComparison.Ordinal));

        var rerun = await Rag.IngestAsync(_temp.Path, Db, "folder");
        Assert.Equal("unchanged", Rag.FileResult(rerun, "folder/a.md").Status());
        Assert.Equal("unchanged", Rag.FileResult(rerun, "folder/b.md").Status());
        Assert.Equal("replaced", Rag.FileResult(rerun, "folder/c.md").Status());
        var textsFinal = Rag.ChunkTexts(await Rag.ShowAsync(_temp.Path, Db, Rag.FileResult(rerun, "folder/c.md").GetProperty("documentId").GetInt64()));
        Assert.Contains(textsFinal, t => t.Contains("C-NEW", StringComparison.Ordinal));
        Assert.DoesNotContain(textsFinal, t => t.Contains("C-OLD", StringComparison.Ordinal));
    }

    [Fact]
    public async Task KillMidIngest_OfNewFile_LeavesNoDocument()
    {
        _temp.WriteText("folder/a.md", Doc("A-ORIGINAL", sections: 1));
        _temp.WriteText("folder/b.md", Doc("B-ORIGINAL", sections: 2));
        _temp.WriteText("folder/c.md", Doc("C-ORIGINAL", sections: 1));
        await Rag.IngestAsync(_temp.Path, Db, "folder");
        var listBefore = await Rag.ListAsync(_temp.Path, Db);

        _temp.WriteText("folder/d.md", Doc("D-NEW", sections: 3));
        await IngestAndKillAtAsync("d.md", "folder/d.md");

        var listAfter = await Rag.ListAsync(_temp.Path, Db);
        Assert.False(Rag.HasDocument(listAfter, "folder/d.md"));
        Assert.Equal(listBefore.ToString(), listAfter.ToString());

        var rerun = await Rag.IngestAsync(_temp.Path, Db, "folder");
        Assert.Equal("ingested", Rag.FileResult(rerun, "folder/d.md").Status());
        Assert.Equal(3, rerun.GetProperty("unchanged").GetInt32());
    }

    /// <summary>Starts <c>rag ingest folder</c> with the fault point on <paramref name="hangOn"/>, waits for it, and kills rag.</summary>
    private async Task IngestAndKillAtAsync(string hangOn, string expectedSource)
    {
        using var run = RagProcess.Start(["ingest", "folder", "--db", Db, "--json"], _temp.Path,
            new Dictionary<string, string> { [HangVariable] = hangOn });
        await run.WaitForStderrAsync($"{HangVariable} reached for {expectedSource}", MarkerTimeout);
        run.Kill();
        var killed = await run.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.NotEqual(0, killed.ExitCode);
        Assert.Equal("", killed.Stdout.Trim()); // it never got to report
    }

    private async Task<Dictionary<string, IReadOnlyList<string>>> ChunkTextsBySourceAsync(JsonElement list)
    {
        var texts = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var document in Rag.Documents(list))
        {
            var show = await Rag.ShowAsync(_temp.Path, Db, document.Id());
            var chunkTexts = Rag.ChunkTexts(show);
            Assert.Equal(document.Chunks(), chunkTexts.Count);
            texts[document.GetProperty("source").GetString()!] = chunkTexts;
        }
        return texts;
    }

    /// <summary>A Markdown document of <paramref name="sections"/> sections, each mentioning <paramref name="marker"/>.</summary>
    private static string Doc(string marker, int sections) =>
        $"# Document {marker}\n\n" + string.Concat(Enumerable.Range(1, sections).Select(i =>
            $"## Section {i}\n\nSection {i} of {marker}: the operator checks item {i} and records it as {marker}-{i}.\n\n"));
}
