using System.Text.Json;
using RagAssistant.Testing;

namespace RagAssistant.Cli.Tests;

/// <summary><c>rag ingest</c>: the JSON contract, idempotence, duplicates, replacement and libraries.</summary>
public sealed class IngestCommandTests(CorpusFixture corpus) : IClassFixture<CorpusFixture>
{
    private static readonly string[] SummaryKeys = ["ingested", "unchanged", "replaced", "skipped", "failed"];
    private static readonly string[] FileKeys = ["path", "status", "documentId", "chunks", "warnings", "error"];
    private static readonly string[] Statuses = ["ingested", "unchanged", "replaced", "skipped", "failed"];

    [Fact]
    public void Ingest_CorpusJson_MatchesContract()
    {
        var report = corpus.Ingest;
        Assert.Equal([.. SummaryKeys, "files"], Rag.PropertyNames(report));
        foreach (var key in SummaryKeys)
            Assert.True(report.GetProperty(key).ValueKind == JsonValueKind.Number && report.GetProperty(key).TryGetInt32(out _),
                $"'{key}' is not an integer count: {report.GetProperty(key)}");
        Assert.Equal(CorpusFixture.FileCount, report.GetProperty("ingested").GetInt32());
        Assert.Equal(0, report.GetProperty("failed").GetInt32());
        Assert.Equal(0, report.GetProperty("unchanged").GetInt32() + report.GetProperty("replaced").GetInt32() + report.GetProperty("skipped").GetInt32());

        var files = report.GetProperty("files").EnumerateArray().ToList();
        Assert.Equal(CorpusFixture.FileCount, files.Count);
        foreach (var file in files)
        {
            Assert.Equal(FileKeys, Rag.PropertyNames(file));
            Assert.Contains(file.Status(), Statuses);
            Assert.Equal("ingested", file.Status());
            Assert.StartsWith("corpus/docs/", file.GetProperty("path").GetString());
            Assert.True(file.GetProperty("documentId").TryGetInt64(out _), $"documentId is not an integer: {file}");
            Assert.True(file.Chunks() > 0, $"no chunks: {file}");
            Assert.Equal(JsonValueKind.Array, file.GetProperty("warnings").ValueKind);
            Assert.Equal(JsonValueKind.Null, file.GetProperty("error").ValueKind);
        }
    }

    [Fact]
    public void Ingest_Json_StdoutIsExactlyOneJsonDocumentWithoutProgressText()
    {
        var stdout = corpus.IngestRun.Stdout;
        var trimmed = stdout.Trim();
        Assert.StartsWith("{", trimmed);
        Assert.EndsWith("}", trimmed);
        Assert.DoesNotContain('\r', stdout);
        Assert.DoesNotContain('\u001b', stdout);
        Assert.DoesNotContain('\uFEFF', stdout);

        // Exactly one document: a reader that allows multiple values finds one value and then the end.
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(stdout), new JsonReaderOptions { AllowMultipleValues = true });
        Assert.True(JsonDocument.TryParseValue(ref reader, out var first));
        first!.Dispose();
        Assert.False(reader.Read(), $"stdout holds more than one JSON value: {stdout}");
    }

    [Fact]
    public async Task Ingest_SameFolderAgain_ReportsAllUnchanged()
    {
        var again = await Rag.IngestAsync(CorpusFixture.Root, corpus.Db, "corpus/docs");

        Assert.Equal(CorpusFixture.FileCount, again.GetProperty("unchanged").GetInt32());
        Assert.Equal(0, again.GetProperty("ingested").GetInt32());
        Assert.Equal(0, again.GetProperty("replaced").GetInt32());
        Assert.All(again.GetProperty("files").EnumerateArray(), f => Assert.Equal("unchanged", f.Status()));
        var firstIds = corpus.Ingest.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("documentId").GetInt64());
        var againIds = again.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("documentId").GetInt64());
        Assert.Equal(firstIds, againIds);
    }

    [Fact]
    public async Task Ingest_ByteIdenticalCopyUnderAnotherName_IsSkippedAsDuplicate()
    {
        using var temp = new TempDirectory();
        var content = Rag.Markdown("spindle warm-up");
        temp.WriteText("in/a-original.md", content);
        temp.WriteText("in/b-copy.md", content);

        var report = await Rag.IngestAsync(temp.Path, temp.File("kb.db"), "in");

        var original = Rag.FileResult(report, "in/a-original.md");
        var copy = Rag.FileResult(report, "in/b-copy.md");
        Assert.Equal("ingested", original.Status());
        Assert.Equal("skipped", copy.Status());
        Assert.Contains("duplicate", copy.Error(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("in/a-original.md", copy.Error());
        Assert.Equal(1, report.GetProperty("ingested").GetInt32());
        Assert.Equal(1, report.GetProperty("skipped").GetInt32());

        var list = await Rag.ListAsync(temp.Path, temp.File("kb.db"));
        Assert.True(Rag.HasDocument(list, "in/a-original.md"));
        Assert.False(Rag.HasDocument(list, "in/b-copy.md"));
    }

    [Fact]
    public async Task Ingest_AfterOneFileChanged_ReplacesItAndLeavesOthersUnchanged()
    {
        using var temp = new TempDirectory();
        CopyCorpus(temp.File("docs"));
        var db = temp.File("kb.db");
        var first = await Rag.IngestAsync(temp.Path, db, "docs");
        Assert.Equal(CorpusFixture.FileCount, first.GetProperty("ingested").GetInt32());

        const string changed = "docs/制造术语表.md";
        File.AppendAllText(temp.File(changed), "\n\n## 补充 Addendum\n\n新增术语：砂轮修整 wheel dressing，指恢复砂轮切削性能和形状的操作。\n");
        var second = await Rag.IngestAsync(temp.Path, db, "docs");

        Assert.Equal(1, second.GetProperty("replaced").GetInt32());
        Assert.Equal(CorpusFixture.FileCount - 1, second.GetProperty("unchanged").GetInt32());
        Assert.Equal(0, second.GetProperty("ingested").GetInt32() + second.GetProperty("failed").GetInt32() + second.GetProperty("skipped").GetInt32());
        Assert.Equal("replaced", Rag.FileResult(second, changed).Status());
        Assert.All(second.GetProperty("files").EnumerateArray().Where(f => f.GetProperty("path").GetString() != changed),
            f => Assert.Equal("unchanged", f.Status()));

        // Replaced in place: still one document for that source, and it holds the new text.
        var list = await Rag.ListAsync(temp.Path, db);
        Assert.Equal(CorpusFixture.FileCount, Rag.Documents(list).Count);
        var show = await Rag.ShowAsync(temp.Path, db, Rag.Document(list, changed).Id());
        Assert.Contains(Rag.ChunkTexts(show), t => t.Contains("砂轮修整", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ingest_WithLibrary_StoresDocumentsInThatLibrary()
    {
        using var temp = new TempDirectory();
        temp.WriteText("guide.md", Rag.Markdown("coolant concentration"));
        var db = temp.File("kb.db");

        var report = await Rag.JsonAsync(temp.Path, null, "ingest", "guide.md", "--db", db, "--library", "plant2");
        Assert.Equal("ingested", Rag.FileResult(report, "guide.md").Status());

        var plant2 = await Rag.ListAsync(temp.Path, db, "plant2");
        var document = Assert.Single(Rag.Documents(plant2));
        Assert.Equal("plant2", document.GetProperty("library").GetString());
        Assert.Equal("guide.md", document.GetProperty("source").GetString());
        Assert.Empty(Rag.Documents(await Rag.ListAsync(temp.Path, db, "default")));
    }

    [Fact]
    public async Task Ingest_SameFileIntoTwoLibraries_IsStoredInBoth()
    {
        using var temp = new TempDirectory();
        temp.WriteText("guide.md", Rag.Markdown("chuck jaw lubrication"));
        var db = temp.File("kb.db");

        var intoDefault = await Rag.IngestAsync(temp.Path, db, "guide.md");
        var intoPlant2 = await Rag.JsonAsync(temp.Path, null, "ingest", "guide.md", "--db", db, "--library", "plant2");

        Assert.Equal("ingested", Rag.FileResult(intoDefault, "guide.md").Status());
        Assert.Equal("ingested", Rag.FileResult(intoPlant2, "guide.md").Status());
        var all = await Rag.ListAsync(temp.Path, db);
        var copies = Rag.Documents(all).Where(d => d.GetProperty("source").GetString() == "guide.md").ToList();
        Assert.Equal(["default", "plant2"], copies.Select(d => d.GetProperty("library").GetString()).Order());
        Assert.NotEqual(copies[0].Id(), copies[1].Id());
        Assert.Equal(copies[0].Chunks(), copies[1].Chunks());
    }

    [Fact]
    public async Task Ingest_FileOutsideWorkingDirectory_UsesAbsoluteSource()
    {
        using var work = new TempDirectory();
        using var elsewhere = new TempDirectory();
        var file = elsewhere.WriteText("outside.md", Rag.Markdown("tailstock alignment"));

        var report = await Rag.IngestAsync(work.Path, work.File("kb.db"), file);

        Assert.Equal("ingested", Rag.FileResult(report, file).Status());
        Assert.True(Rag.HasDocument(await Rag.ListAsync(work.Path, work.File("kb.db")), file));
    }

    private static void CopyCorpus(string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.Corpus))
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
    }
}
