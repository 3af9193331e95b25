using System.Collections.Concurrent;
using RagAssistant.Core.Documents;
using RagAssistant.Testing;

namespace RagAssistant.Ingestion.Tests.Ocr;

/// <summary>
/// Scanned PDF pages through the real pipeline with OCR on (the default): a mixed document OCRs only its scanned
/// pages, page progress is reported, each page has its own time budget, and cancelling stops the document with nothing stored.
/// </summary>
public sealed class ScannedPdfOcrTests : IDisposable
{
    private static readonly string[] SpindleLines = ["主轴轴承更换：先断电，再拆下防护罩。", "Spindle bearing: replace after 8000 hours."];
    private static readonly string[] CoolantLines = ["冷却液浓度 5%～8%，每班检查一次。", "Coolant concentration 5% to 8%."];

    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task MixedDocument_OcrsOnlyItsScannedPages_AndTheirTextIsStored()
    {
        var path = _folder.WriteBytes("mixed.pdf", ScannedTestPdf.Build(
            new ScannedTestPdf.Page(["Maintenance manual, chapter 4: lubrication of the headstock."], TextLayer: true),
            new ScannedTestPdf.Page(SpindleLines),
            new ScannedTestPdf.Page(CoolantLines)));
        using var h = new PipelineHarness(folder: _folder);

        var report = await h.IngestAsync(path);

        var file = Assert.Single(report.Files);
        Assert.True(file.Status == FileStatus.Ingested, file.Error);
        var pages = await h.Store.GetPagesAsync(file.DocumentId!.Value);
        Assert.Equal([PageStatus.Text, PageStatus.OcrDone, PageStatus.OcrDone], pages.Select(p => p.Status));
        Assert.Equal(DocumentStatus.Ready, (await h.Store.GetAsync(file.DocumentId.Value))!.Status);
        var chunks = await h.Store.GetChunksAsync(file.DocumentId.Value);
        var text = string.Join("\n", chunks.Select(c => c.Text));
        Assert.Contains("lubrication of the headstock", text);
        Assert.Contains("先断电", text);
        Assert.Contains("每班检查一次", text);
        // The OCR'd lines keep boxes on their own page, inside the A4 page.
        var spindle = Assert.Single(chunks, c => c.Text.Contains("先断电", StringComparison.Ordinal));
        Assert.Contains(spindle.Boxes, b => b.Page == 2);
        Assert.All(spindle.Boxes, b => Assert.True(b.Left >= 0 && b.Right <= 596 && b.Bottom >= 0 && b.Top <= 843, $"box {b} off the page"));
    }

    [Fact]
    public async Task OcrProgress_IsReportedPageByPage_UpToTheLastPage()
    {
        var path = _folder.WriteBytes("scan.pdf", ScannedTestPdf.Build(new(SpindleLines), new(CoolantLines), new(SpindleLines)));
        using var h = new PipelineHarness(folder: _folder);
        var reports = new ConcurrentQueue<(int Done, int Total)>();
        var progress = new List<IngestProgress>();

        var report = await h.Pipeline.IngestPathsAsync([path], new IngestRequest { OnOcrPage = (done, total) => reports.Enqueue((done, total)) },
            new SynchronousProgress(progress));

        Assert.Equal(FileStatus.Ingested, Assert.Single(report.Files).Status);
        Assert.Equal((0, 3), reports.First());
        Assert.Equal([1, 2, 3], reports.Skip(1).Select(r => r.Done).Order());
        Assert.All(reports, r => Assert.Equal(3, r.Total));
        // The CLI bar's reports carry the same count while the file is read.
        Assert.Contains(progress, p => p is { OcrPagesDone: 3, OcrPagesTotal: 3, CurrentFile: not null });
    }

    [Fact]
    public async Task APageOverItsOcrBudget_IsLeftOutWithTheReason_AndTheOtherPagesStay()
    {
        // A page packed with 60 lines of small print takes several seconds to read on this machine, with the engine
        // loaded or not; one second is too little for it (30 lines of normal print came close to it).
        var dense = Enumerable.Range(1, 60)
            .Select(i => $"第{i}行：检验记录，扭矩 45 N·m，温度 60 ℃，合格。Inspection line {i}: torque 45 N·m, 60 ℃, passed, signed off.").ToArray();
        var path = _folder.WriteBytes("budget.pdf", ScannedTestPdf.Build(
            new ScannedTestPdf.Page(["Torque inspection record, text page."], TextLayer: true),
            new ScannedTestPdf.Page(dense, Scale: 0.5f)));
        using var h = new PipelineHarness(folder: _folder, settings: new() { ["Rag:Ocr:PageSeconds"] = "1" });

        var report = await h.IngestAsync(path);

        var file = Assert.Single(report.Files);
        Assert.Equal(FileStatus.Ingested, file.Status);
        Assert.Contains(file.Warnings, w => w.Code == IngestWarning.OcrFailed && w.Pages.SequenceEqual([2]) && w.Text.Contains("Rag:Ocr:PageSeconds", StringComparison.Ordinal));
        var pages = await h.Store.GetPagesAsync(file.DocumentId!.Value);
        Assert.Equal(PageStatus.Text, pages[0].Status);
        Assert.Equal(PageStatus.NeedsOcr, pages[1].Status);
        Assert.Contains("longer than its budget of 1 s", pages[1].Error);
        Assert.Contains(await h.Store.GetChunksAsync(file.DocumentId.Value), c => c.Text.Contains("Torque inspection record", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CancellingWhilePagesAreRead_StopsTheDocument_AndStoresNothing()
    {
        var path = _folder.WriteBytes("long-scan.pdf", ScannedTestPdf.Build(Enumerable.Range(0, 6).Select(_ => new ScannedTestPdf.Page(SpindleLines)).ToArray()));
        using var h = new PipelineHarness(folder: _folder);
        using var cancel = new CancellationTokenSource();
        var request = new IngestRequest { OnOcrPage = (done, _) => { if (done >= 1) cancel.Cancel(); } };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => h.Pipeline.IngestPathsAsync([path], request, cancellationToken: cancel.Token));

        Assert.Empty(await h.Store.ListAsync());
    }

    [Fact]
    public async Task OcrTurnedOff_LeavesScannedPagesNeedingOcr_AndRefusesImageFiles()
    {
        var pdf = _folder.WriteBytes("scan.pdf", ScannedTestPdf.Build(new ScannedTestPdf.Page(SpindleLines)));
        var (bitmap, _) = RenderedText.Draw(SpindleLines);
        using (bitmap) _folder.WriteBytes("nameplate.png", RenderedText.Png(bitmap));
        using var h = new PipelineHarness(folder: _folder, ocr: false);

        var report = await h.IngestAsync(pdf, _folder.File("nameplate.png"));

        var scan = Assert.Single(report.Files, f => f.Path.EndsWith("scan.pdf", StringComparison.Ordinal));
        Assert.Equal(DocumentStatus.NeedsOcr, (await h.Store.GetAsync(scan.DocumentId!.Value))!.Status);
        var image = Assert.Single(report.Files, f => f.Path.EndsWith("nameplate.png", StringComparison.Ordinal));
        Assert.Equal(FileStatus.Failed, image.Status);
        Assert.Contains("Rag:Ocr:Enabled=false", image.Error);
    }

    /// <summary>Records reports on the reporting thread (Progress&lt;T&gt; would post them later).</summary>
    private sealed class SynchronousProgress(List<IngestProgress> reports) : IProgress<IngestProgress>
    {
        public void Report(IngestProgress value)
        {
            lock (reports) reports.Add(value);
        }
    }
}

