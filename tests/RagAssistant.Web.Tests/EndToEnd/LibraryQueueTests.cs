using Microsoft.Extensions.DependencyInjection;
using RagAssistant.Core.Storage;
using RagAssistant.Testing;
using RagAssistant.Web.Tests.EndToEnd.Pages;

namespace RagAssistant.Web.Tests.EndToEnd;

/// <summary>The library's ingestion queue seen from the page: cancelling a waiting file, reindexing a stored one.</summary>
[Collection(SmallWebAppCollection.Name)]
public sealed class LibraryQueueTests(SmallWebAppFixture app, BrowserFixture browser) : SmallAppBrowserTest(app, browser), IDisposable
{
    private readonly TempDirectory _files = new();

    [SkippableFact]
    public async Task Library_CancelsAQueuedFile()
    {
        var library = new LibraryPage(Page, Circuit);
        await library.OpenAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var paths = Enumerable.Range(1, 15)
            .Select(i => Write($"e2e-{tag}-工序{i:00}.md", $"# 工序 {i} 作业要点\n\n第 {i} 道工序完成后须自检尺寸并填写记录表 {tag}-{i}。\n"))
            .ToArray();
        var names = paths.Select(Path.GetFileName).ToArray();
        var cancelled = names[^1];
        // One worker, and every embedding batch takes a while: the last file waits behind the fourteen others.
        App.Embedder.Delay = TimeSpan.FromMilliseconds(400);
        try
        {
            await library.UploadAsync(paths);

            var job = library.Job(cancelled!);
            await Expect(job.Root).ToHaveAttributeAsync("data-state", "queued");
            await job.Root.GetByTestId("job-cancel").ClickAsync();

            await Expect(job.Root).ToHaveAttributeAsync("data-state", "cancelled");
        }
        finally
        {
            App.Embedder.Delay = TimeSpan.Zero;
        }
        foreach (var name in names[..^1])
            Assert.Equal("done", await library.Job(name!).WaitFinishedAsync());
        var sources = await SourcesAsync();
        Assert.DoesNotContain(sources, s => s.EndsWith(cancelled!, StringComparison.Ordinal));
        foreach (var name in names[..^1]) Assert.Contains(sources, s => s.EndsWith(name!, StringComparison.Ordinal));
        await Expect(library.DocumentRow(cancelled!)).ToHaveCountAsync(0);
    }

    [SkippableFact]
    public async Task Library_ReindexReadsTheDocumentAgain()
    {
        var library = new LibraryPage(Page, Circuit);
        await library.OpenAsync();
        var name = $"e2e-{Guid.NewGuid():N}-重建索引.md";
        await library.UploadAsync(Write(name, "# 重建索引\n\n这份文档用于验证重新索引：读取原件、重新分块并嵌入。\n"));
        Assert.Equal("done", await library.Job(name).WaitFinishedAsync());
        await Expect(library.DocumentRow(name)).ToHaveCountAsync(1);
        var jobs = Page.Locator($"[data-testid=job][data-file='{name}']");
        await Expect(jobs).ToHaveCountAsync(1);

        await library.TableRow(name).GetByTestId("reindex").ClickAsync();

        // Newest job first: the reindex's row is the first of this file's two.
        await Expect(jobs).ToHaveCountAsync(2);
        var reindex = new JobRow(jobs.First);
        Assert.Equal("done", await reindex.WaitFinishedAsync());
        await Expect(reindex.Root).ToHaveAttributeAsync("data-outcome", "replaced");
        await Expect(reindex.Root.GetByTestId("job-outcome")).ToHaveTextAsync("(已替换)");
        await Expect(library.DocumentRow(name)).ToHaveCountAsync(1);
        Assert.Single(await SourcesAsync(), s => s.EndsWith(name, StringComparison.Ordinal));
    }

    private async Task<List<string>> SourcesAsync()
    {
        using var scope = App.App.Services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<IDocumentStore>();
        await store.OpenAsync();
        return (await store.ListAsync()).Select(d => d.Source).ToList();
    }

    private string Write(string name, string text)
    {
        var path = _files.File(name);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose() => _files.Dispose();
}
