using System.Text;
using RagAssistant.Core.Documents;
using RagAssistant.Testing;

namespace RagAssistant.Ingestion.Tests;

public class IngestionPipelineTests : IDisposable
{
    private readonly PipelineHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task Corpus_IngestsEveryFile_WithKindsIdentitiesAndRevisions()
    {
        var report = await _h.IngestAsync(RepositoryPaths.Corpus);

        Assert.Equal(0, report.Failed);
        Assert.Equal(Directory.GetFiles(RepositoryPaths.Corpus).Length, report.Ingested);
        var docs = await _h.Store.ListAsync();
        var by = docs.ToDictionary(d => Path.GetFileName(d.Source));
        Assert.Equal((DocumentKind.Standard, "Q/JD 105", "2026", false), Facts(by["Q-JD-105-2026_热处理通用技术条件.md"]));
        Assert.Equal((DocumentKind.Standard, "Q/JD 105", "2021", true), Facts(by["Q-JD-105-2021_热处理通用技术条件.md"]));
        Assert.Equal((DocumentKind.WorkInstruction, "WI-AS-021", "B/1", false), Facts(by["作业指导书_扭矩紧固_WI-AS-021.txt"]));
        Assert.Equal((DocumentKind.WorkInstruction, "JD-OP-EQ-015", "C", false), Facts(by["CNC-Lathe-CK6150-Operating-Procedure.md"]));
        Assert.All(docs, d => Assert.True(d.Chunks > 0));

        static (string, string?, string?, bool) Facts(StoredDocument d) => (d.Kind, d.Identity, d.Revision, d.Superseded);
    }

    [Fact]
    public async Task StandardClause_IsItsOwnChunk_LocatedByClauseNumber()
    {
        await _h.IngestAsync(Path.Combine(RepositoryPaths.Corpus, "Q-JD-105-2026_热处理通用技术条件.md"));
        var doc = Assert.Single(await _h.Store.ListAsync());
        var chunks = await _h.Store.GetChunksAsync(doc.Id);
        var clause = Assert.Single(chunks, c => c.Locator == "4.2.3");
        Assert.Contains("0.8", clause.Text);
        Assert.StartsWith("Q/JD 105 ", clause.Context);
    }

    [Fact]
    public async Task Reingesting_AnUnchangedFile_IsANoOp()
    {
        var file = _h.Folder.WriteText("docs/a.md", "# A\n\nText.");
        var first = await _h.IngestAsync(file);
        var second = await _h.IngestAsync(file);
        Assert.Equal(FileStatus.Ingested, first.Files[0].Status);
        Assert.Equal(FileStatus.Unchanged, second.Files[0].Status);
        Assert.Equal(first.Files[0].DocumentId, second.Files[0].DocumentId);
    }

    [Fact]
    public async Task ChangedFile_ReplacesItsChunks_KeepingTheDocumentId()
    {
        var file = _h.Folder.WriteText("a.md", "# A\n\nOld text.");
        var first = await _h.IngestAsync(file);
        File.WriteAllText(file, "# A\n\nNew text.\n\n## B\n\nMore.");
        var second = await _h.IngestAsync(file);

        Assert.Equal(FileStatus.Replaced, second.Files[0].Status);
        Assert.Equal(first.Files[0].DocumentId, second.Files[0].DocumentId);
        var chunks = await _h.Store.GetChunksAsync(second.Files[0].DocumentId!.Value);
        Assert.Equal(2, chunks.Count);
        Assert.DoesNotContain(chunks, c => c.Text.Contains("Old"));
    }

    [Fact]
    public async Task ByteIdenticalCopy_UnderAnotherName_IsSkippedAsDuplicate()
    {
        var a = _h.Folder.WriteText("a.md", "# A\n\nSame.");
        var b = _h.Folder.WriteText("copy-of-a.md", "# A\n\nSame.");
        var report = await _h.IngestAsync(a, b);
        Assert.Equal(FileStatus.Skipped, report.Files[1].Status);
        Assert.Contains("duplicate of", report.Files[1].Error);
        Assert.Equal(IngestProblem.Duplicate, report.Files[1].Problem);
        Assert.Null(report.Files[0].Problem);
        Assert.Equal(report.Files[0].DocumentId, report.Files[1].DocumentId);
    }

    [Fact]
    public async Task NewerRevision_SupersedesTheOlder_AndDeletingItRestoresTheOlder()
    {
        var a = _h.Folder.WriteText("wi-a.txt", "作业指导书\n文件编号：WI-QA-001\n版本：A\n\n1 目的\n检验。");
        var b = _h.Folder.WriteText("wi-b.txt", "作业指导书\n文件编号：WI-QA-001\n版本：B\n\n1 目的\n检验并记录。");
        var report = await _h.IngestAsync(b, a);
        var newer = (await _h.Store.GetAsync(report.Files[0].DocumentId!.Value))!;
        var older = (await _h.Store.GetAsync(report.Files[1].DocumentId!.Value))!;
        Assert.False(newer.Superseded);
        Assert.True(older.Superseded);

        await _h.Store.DeleteAsync(newer.Id);
        Assert.False((await _h.Store.GetAsync(older.Id))!.Superseded);
    }

    [Fact]
    public async Task SameRevisionInAnotherFile_IsACopy_NotASupersession()
    {
        var a = _h.Folder.WriteText("x.txt", "作业指导书\n文件编号：WI-QA-002\n版本：C\n\n检验。");
        var b = _h.Folder.WriteText("x-copy.md", "作业指导书\n\n文件编号：WI-QA-002\n\n版本：C\n\n检验（副本）。");
        await _h.IngestAsync(a, b);
        Assert.All(await _h.Store.ListAsync(), d => Assert.False(d.Superseded));
    }

    [Fact]
    public async Task Upload_WithPathInItsName_IsRefused()
    {
        foreach (var name in new[] { "../evil.md", "dir/a.md", "a\u0001b.md", "..\\x.md" })
        {
            var result = (await _h.Pipeline.IngestUploadAsync(name, new MemoryStream("# x"u8.ToArray()), new IngestRequest())).Single();
            Assert.Equal(FileStatus.Failed, result.Status);
            Assert.Matches("path separator|'\\.\\.'|control characters", result.Error);
            Assert.Equal(IngestProblem.UnsafeName, result.Problem);
            Assert.DoesNotContain('\u0001', result.Path);
        }
        Assert.Empty(await _h.Store.ListAsync());
    }

    [Fact]
    public async Task Upload_WithAPlainName_IsIngested()
    {
        var result = (await _h.Pipeline.IngestUploadAsync("设备点检.md", new MemoryStream(Encoding.UTF8.GetBytes("# 点检\n\n每班检查油位。")), new IngestRequest())).Single();
        Assert.Equal(FileStatus.Ingested, result.Status);
    }

    [Fact]
    public async Task Upload_OverTheSizeLimit_IsRefusedWithoutReadingItAll()
    {
        using var small = new PipelineHarness(maxFileBytes: 1000);
        var result = (await small.Pipeline.IngestUploadAsync("big.txt", new MemoryStream(new byte[5000]), new IngestRequest())).Single();
        Assert.Equal(FileStatus.Failed, result.Status);
        Assert.Contains("limit", result.Error);
        Assert.Equal(IngestProblem.TooLarge, result.Problem);
    }

    [Fact]
    public async Task ZipArchive_EntriesAreIngested_BadEntryNamesFailAlone()
    {
        var zip = _h.Folder.WriteBytes("pack.zip", ContentTypeDetectorTests.Zip(
            ("docs/ok.md", "# OK\n\nFine."), ("../evil.md", "# evil"), ("a\u0007b.md", "# bell"), ("inner.zip", "PK\u0003\u0004junk")));
        var report = await _h.IngestAsync(zip);

        var ok = Assert.Single(report.Files, f => f.Status == FileStatus.Ingested);
        Assert.EndsWith("pack.zip/docs/ok.md", ok.Path);
        Assert.Contains(report.Files, f => f.Status == FileStatus.Failed && f.Error!.Contains("'..'") && f.Problem == IngestProblem.UnsafeName);
        Assert.Contains(report.Files, f => f.Status == FileStatus.Failed && f.Path.EndsWith("inner.zip") && f.Problem == IngestProblem.Damaged);
        Assert.Contains(report.Files, f => f.Status == FileStatus.Failed && f.Error!.Contains("control characters") && f.Path.Contains("\\u0007"));
    }

    [Fact]
    public async Task UnsupportedType_IsSkippedInAFolder_ButFailsWhenNamed()
    {
        var gif = _h.Folder.WriteBytes("folder/photo.gif", [.. "GIF89a"u8, 1, 0, 1, 0, 0x80, 0, 0]); // no reader for GIF
        _h.Folder.WriteText("folder/a.md", "# A\n\nText.");

        var walked = await _h.IngestAsync(_h.Folder.File("folder"));
        Assert.Equal(FileStatus.Skipped, Assert.Single(walked.Files, f => f.Path.EndsWith(".gif")).Status);
        Assert.Equal(1, walked.Ingested);

        var named = await _h.IngestAsync(gif);
        Assert.Equal(FileStatus.Failed, named.Files[0].Status);
        Assert.Contains("unsupported", named.Files[0].Error);
        Assert.Equal(IngestProblem.Unsupported, named.Files[0].Problem);
    }

    [Fact]
    public async Task HiddenFiles_AreNotWalked()
    {
        _h.Folder.WriteText("folder/.git/config", "[core]");
        _h.Folder.WriteText("folder/.notes.md", "# hidden");
        _h.Folder.WriteText("folder/visible.md", "# V\n\nText.");
        var report = await _h.IngestAsync(_h.Folder.File("folder"));
        Assert.Equal("visible.md", Path.GetFileName(Assert.Single(report.Files).Path));
    }

    [Fact]
    public async Task HtmlWithNoVisibleText_FailsWithAReason()
    {
        var file = _h.Folder.WriteText("empty.html", "<html><head><script>var x=1;</script></head><body></body></html>");
        var report = await _h.IngestAsync(file);
        Assert.Equal(FileStatus.Failed, report.Files[0].Status);
        Assert.Contains("no text", report.Files[0].Error);
        Assert.Equal(IngestProblem.NoText, report.Files[0].Problem);
    }

    [Fact]
    public async Task ProgressIsReported_PerFile()
    {
        _h.Folder.WriteText("p/a.md", "# A\n\nx");
        _h.Folder.WriteText("p/b.md", "# B\n\ny");
        var reports = new List<IngestProgress>();
        await _h.Pipeline.IngestPathsAsync([_h.Folder.File("p")], new IngestRequest(), new SyncProgress(reports.Add));
        Assert.Contains(reports, r => r.CurrentFile?.EndsWith("b.md") == true);
        Assert.Equal((2, 2), (reports[^1].FilesDone, reports[^1].FilesTotal));
        Assert.Equal(2, reports[^1].Chunks);
    }

    private sealed class SyncProgress(Action<IngestProgress> report) : IProgress<IngestProgress>
    {
        public void Report(IngestProgress value) => report(value);
    }
}

public class SourceFilesTests
{
    [Fact]
    public void FileInsideWorkingDirectory_WhoseNameStartsWithDots_IsRelative()
    {
        Assert.Equal("..notes.md", SourceFiles.SourceName("/work/x/..notes.md", "/work/x"));
        Assert.Equal("/work/y/a.md", SourceFiles.SourceName("/work/y/a.md", "/work/x"));
        Assert.Equal("docs/a.md", SourceFiles.SourceName("/work/x/docs/a.md", "/work/x"));
    }
}

public class BinaryContentTests : IDisposable
{
    private readonly PipelineHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task BinaryPosingAsText_IsSkippedInAFolder_AndFailsWhenNamed_WithTheReason()
    {
        var bytes = new byte[] { 0x41, 0x00, 0x42, 0x00, 0x00, 0x01, 0x02, 0xFF, 0xFE, 0x00, 0x13, 0x37, 0x00, 0x00, 0x99, 0x88 };
        var file = _h.Folder.WriteBytes("in/data.txt", bytes);
        _h.Folder.WriteBytes("in/kb-copy.db", [.. "SQLite format 3\0"u8, .. new byte[100]]);

        var walked = await _h.IngestAsync(_h.Folder.File("in"));
        Assert.All(walked.Files, f => Assert.Equal(FileStatus.Skipped, f.Status));
        Assert.Contains(walked.Files, f => f.Error!.Contains("binary content, not text"));

        var named = Assert.Single((await _h.IngestAsync(file)).Files);
        Assert.Equal(FileStatus.Failed, named.Status);
        Assert.Contains("binary", named.Error);
        Assert.Equal(IngestProblem.Unsupported, named.Problem);
    }
}
