using Microsoft.Extensions.DependencyInjection;
using RagAssistant.Core.Storage;
using RagAssistant.Testing;
using RagAssistant.Web.Tests.EndToEnd.Pages;
using RagAssistant.Web.Tests.Hosting;

namespace RagAssistant.Web.Tests.EndToEnd;

[Collection(WebAppCollection.Name)]
public sealed class LibraryPageTests(WebAppFixture app, BrowserFixture browser) : BrowserTest(app, browser), IDisposable
{
    private readonly TempDirectory _files = new();

    [SkippableFact]
    public async Task Library_UploadsManyFilesWithLiveStatesAndReasons()
    {
        var library = new LibraryPage(Page, Circuit);
        var before = await SourcesAsync();
        await library.OpenAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var markdown = Write($"e2e-{tag}-刀具寿命.md", "# 刀具寿命管理\n\nCNMG120408 刀片在 OP60 精车工序中每刃加工 120 件后必须更换。\n");
        var csv = Write($"e2e-{tag}-量具清单.csv", "编号,名称,量程\nLJ-001,外径千分尺,25-50mm\nLJ-002,游标卡尺,0-150mm\n");
        var corrupt = Write($"e2e-{tag}-损坏.pdf", "%PDF-1.7\nthis is not a PDF body at all\n");
        var binary = Write($"e2e-{tag}-固件.bin", new byte[] { 0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0xFF, 0xFE, 0x00, 0x13 });

        await library.UploadAsync(markdown, csv, corrupt, binary);

        foreach (var good in new[] { markdown, csv })
            Assert.Equal("done", await library.Job(Path.GetFileName(good)).WaitFinishedAsync());
        foreach (var bad in new[] { corrupt, binary })
        {
            var job = library.Job(Path.GetFileName(bad));
            var state = await job.WaitFinishedAsync();
            Assert.True(state is "failed" or "skipped", $"{Path.GetFileName(bad)} ended {state}");
            await Expect(job.Reason).Not.ToBeEmptyAsync();
        }
        // Said in the UI's language, by the reason's code: never the pipeline's English text.
        await Expect(library.Job(Path.GetFileName(corrupt)).Reason).ToContainTextAsync("文件已损坏或不完整，无法读取。");
        await Expect(library.Job(Path.GetFileName(binary)).Reason).ToContainTextAsync("不支持这种文件");
        await Expect(library.DocumentRow(Path.GetFileName(markdown))).ToHaveCountAsync(1);
        await Expect(library.DocumentRow(Path.GetFileName(csv))).ToHaveCountAsync(1);
        var after = await SourcesAsync();
        Assert.Empty(before.Except(after));
        Assert.True(after.Count >= before.Count + 2, $"{before.Count} documents before, {after.Count} after");
    }

    [SkippableFact]
    public async Task Library_DeleteRemovesTheDocument()
    {
        var library = new LibraryPage(Page, Circuit);
        await library.OpenAsync();
        var name = $"e2e-{Guid.NewGuid():N}-待删除.md";
        await library.UploadAsync(Write(name, "# 待删除的文档\n\n这份文档只用于验证删除功能。\n"));
        Assert.Equal("done", await library.Job(name).WaitFinishedAsync());
        await Expect(library.DocumentRow(name)).ToHaveCountAsync(1);

        await library.DeleteAsync(name);

        await Expect(library.DocumentRow(name)).ToHaveCountAsync(0);
        Assert.DoesNotContain(await SourcesAsync(), s => s.EndsWith(name, StringComparison.Ordinal));
    }

    private async Task<List<string>> SourcesAsync()
    {
        using var scope = App.Services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<IDocumentStore>();
        await store.OpenAsync();
        return (await store.ListAsync()).Select(d => d.Source).ToList();
    }

    private string Write(string name, string text) => Write(name, System.Text.Encoding.UTF8.GetBytes(text));

    private string Write(string name, byte[] content)
    {
        var path = _files.File(name);
        File.WriteAllBytes(path, content);
        return path;
    }

    public void Dispose() => _files.Dispose();
}
