using Microsoft.Playwright;
using RagAssistant.Core.Access;
using RagAssistant.Testing;
using RagAssistant.Web.Tests.EndToEnd.Pages;

namespace RagAssistant.Web.Tests.EndToEnd;

/// <summary>
/// The queue strip above the document table: after an upload with one file that is not a document it reads
/// "3/3 完成，1 个失败", opened by itself while the files ran, and closes on a click. <see cref="LibraryQueueStripPhoneTests"/>
/// runs it on a phone.
/// </summary>
[Collection(SmallWebAppCollection.Name)]
public class LibraryQueueStripTests(SmallWebAppFixture app, BrowserFixture browser) : SmallAppBrowserTest(app, browser), IDisposable
{
    private readonly TempDirectory _files = new();

    [SkippableFact]
    public async Task QueueStrip_CountsDoneAndFailed_AfterAnUploadWithOneBadFile()
    {
        // The strip counts the jobs it lists: start from an empty list (the collection's tests run one at a time).
        App.App.Queue.ClearFinished(AccessScope.LocalOperator);
        var library = new LibraryPage(Page, Circuit);
        await library.OpenAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var good = Write($"e2e-{tag}-点检.md", System.Text.Encoding.UTF8.GetBytes($"# 点检要点 {tag}\n\n每班开机前检查导轨润滑油位。\n"));
        var table = Write($"e2e-{tag}-量具.csv", System.Text.Encoding.UTF8.GetBytes($"编号,名称\nLJ-{tag},外径千分尺\n"));
        var binary = Write($"e2e-{tag}-固件.bin", [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0xFF, 0xFE, 0x00, 0x13]);

        // Files dragged over the table area cover it with the drop target, naming the library; leaving takes it away.
        var area = Page.GetByTestId("upload-area");
        var files = await Page.EvaluateHandleAsync("() => { const d = new DataTransfer(); d.items.add(new File(['x'], 'a.md')); return d; }");
        await area.DispatchEventAsync("dragenter", new Dictionary<string, object> { ["dataTransfer"] = files });
        await Expect(area).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("rag-dragging"));
        await Expect(Page.GetByTestId("dropzone")).ToContainTextAsync("松开即可上传到「默认库」");
        await Page.GetByTestId("dropzone").DispatchEventAsync("dragleave", new Dictionary<string, object> { ["dataTransfer"] = files });
        await Expect(area).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("rag-dragging"));

        await library.UploadAsync(good, table, binary);

        await Expect(library.QueueProgress).ToHaveTextAsync("3/3 完成，1 个失败");
        await Expect(library.QueueStrip).ToHaveAttributeAsync("data-failed", "1");
        await Expect(library.QueueToggle).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(library.Jobs).ToHaveCountAsync(3);
        await Expect(library.Job(Path.GetFileName(binary)).Root).ToHaveAttributeAsync("data-state", "failed");

        await library.QueueToggle.ClickAsync();

        await Expect(library.QueueToggle).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(library.Jobs).ToHaveCountAsync(0);
        await Expect(library.QueueProgress).ToHaveTextAsync("3/3 完成，1 个失败");
        await Expect(library.DocumentRow(Path.GetFileName(good))).ToBeVisibleAsync();
        Assert.False(await library.ScrollsSidewaysAsync(), "the page scrolls sideways");
        if (Viewport.Width < 600)
            Assert.True((await library.QueueToggle.BoundingBoxAsync())!.Height >= 44, "the strip is under 44 px on the phone");
    }

    private string Write(string name, byte[] content)
    {
        var path = _files.File(name);
        File.WriteAllBytes(path, content);
        return path;
    }

    public void Dispose() => _files.Dispose();
}

/// <summary>The queue strip on a phone (390×844).</summary>
[Collection(SmallWebAppCollection.Name)]
public sealed class LibraryQueueStripPhoneTests(SmallWebAppFixture app, BrowserFixture browser) : LibraryQueueStripTests(app, browser)
{
    protected override ViewportSize Viewport => new() { Width = 390, Height = 844 };
}
