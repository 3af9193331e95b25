using System.IO.Compression;
using RagAssistant.Core.Documents.Views;
using RagAssistant.Testing;

namespace RagAssistant.Ingestion.Tests;

public class OriginalsIngestionTests : IDisposable
{
    private readonly PipelineHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task Corpus_OriginalsRoundTripByteForByte()
    {
        var report = await _h.IngestAsync(RepositoryPaths.Corpus);
        Assert.Equal(0, report.Failed);

        var documents = await _h.Store.ListAsync();
        Assert.Equal(Directory.GetFiles(RepositoryPaths.Corpus).Length, documents.Count);
        foreach (var document in documents)
        {
            Assert.True(document.HasOriginal, document.Source);
            var original = await File.ReadAllBytesAsync(Path.Combine(RepositoryPaths.Corpus, Path.GetFileName(document.Source)));
            Assert.Equal(original, await _h.Store.OpenOriginalAsync(document.Id));
        }
    }

    [Fact]
    public async Task ChangedFile_ReplacesItsOriginal_AndDeleteRemovesIt()
    {
        var file = _h.Folder.WriteText("a.md", "# A\n\nOld text.");
        var id = (await _h.IngestAsync(file)).Files[0].DocumentId!.Value;
        File.WriteAllText(file, "# A\n\nNew text.");
        var second = await _h.IngestAsync(file);

        Assert.Equal((FileStatus.Replaced, id), (second.Files[0].Status, second.Files[0].DocumentId!.Value));
        Assert.Equal(File.ReadAllBytes(file), await _h.Store.OpenOriginalAsync(id));

        Assert.True(await _h.Store.DeleteAsync(id));
        Assert.Null(await _h.Store.OpenOriginalAsync(id));
    }

    [Fact]
    public async Task ArchiveEntry_KeepsTheEntrysOwnBytes()
    {
        var entryBytes = System.Text.Encoding.UTF8.GetBytes("# Entry\n\nSpindle 950 rpm.");
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            await using var stream = archive.CreateEntry("docs/entry.md").Open();
            await stream.WriteAsync(entryBytes);
        }
        var path = _h.Folder.WriteBytes("bundle.zip", zip.ToArray());

        var report = await _h.IngestAsync(path);
        Assert.Equal(entryBytes, await _h.Store.OpenOriginalAsync(Assert.Single(report.Files).DocumentId!.Value));
    }

    [Fact]
    public async Task KeepOriginalsOff_StoresNone_AndTheViewSaysWhy()
    {
        using var h = new PipelineHarness(keepOriginals: false);
        var file = h.Folder.WriteText("a.md", "# A\n\nText.");
        var id = (await h.IngestAsync(file)).Files[0].DocumentId!.Value;

        Assert.Null(await h.Store.OpenOriginalAsync(id));
        var view = Assert.IsType<UnavailableView>(await h.Views.BuildAsync(id));
        Assert.Equal(UnavailableView.NotKept, view.Reason);
        Assert.Contains("re-ingest it", view.Reason);
    }

    [Fact]
    public async Task UnchangedFile_StoredWithoutOriginal_GetsItsOriginalWhenIngestedAgain()
    {
        var file = _h.Folder.WriteText("a.md", "# A\n\nText.");
        long id;
        using (var without = new PipelineHarness(folder: _h.Folder, keepOriginals: false))
            id = (await without.IngestAsync(file)).Files[0].DocumentId!.Value;
        Assert.Null(await _h.Store.OpenOriginalAsync(id));

        var again = await _h.IngestAsync(file);
        Assert.Equal(FileStatus.Unchanged, again.Files[0].Status);
        Assert.Equal(File.ReadAllBytes(file), await _h.Store.OpenOriginalAsync(id));
        Assert.IsType<BlocksView>(await _h.Views.BuildAsync(id));
    }
}
