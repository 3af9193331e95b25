using RagAssistant.Core.Documents;
using RagAssistant.Ingestion.Detection;
using RagAssistant.Testing;

namespace RagAssistant.Ingestion.Tests.Ocr;

/// <summary>
/// Image files ingested by OCR (real PP-OCR models, real pixels): a photographed card becomes a searchable document
/// whose page is marked as read by OCR; a damaged or empty image fails with the reason, and the rest of the batch goes on.
/// </summary>
public sealed class ImageIngestionTests : IDisposable
{
    private readonly PipelineHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task PngOfAProcessCard_IsReadByOcr_AndItsTextIsStoredAsChunks()
    {
        var (bitmap, _) = RenderedText.Draw(["主轴轴承更换：先断电，再拆下防护罩。", "型号 CNC-850 扭矩 45 N·m"]);
        byte[] png;
        using (bitmap) png = RenderedText.Png(bitmap);

        var result = Assert.Single(await _h.Pipeline.IngestUploadAsync("点检卡.png", new MemoryStream(png), new IngestRequest()));

        Assert.Equal(FileStatus.Ingested, result.Status);
        var document = (await _h.Store.GetAsync(result.DocumentId!.Value))!;
        Assert.Equal(ContentTypes.Image, document.ContentType);
        var text = string.Join("\n", (await _h.Store.GetChunksAsync(document.Id)).Select(c => c.Text));
        Assert.Contains("主轴轴承更换", text);
        Assert.Contains("CNC-850", text);
        var page = Assert.Single(await _h.Store.GetPagesAsync(document.Id));
        Assert.Equal(PageStatus.OcrDone, page.Status);
        // Read by OCR with confidence: the boxes say so, and none is marked unsure.
        Assert.All((await _h.Store.GetChunksAsync(document.Id)).SelectMany(c => c.Boxes), b => Assert.True(b is { Ocr: >= 0.8, Uncertain: false }, $"box {b}"));
    }

    [Fact]
    public async Task PageOcrIsUnsureOf_IsMarkedLowConfidenceWithItsFigure_AndTheDocumentStaysReady()
    {
        // No real page reads at 0.9999 mean confidence: the threshold makes this clean page "unsure".
        using var strict = new PipelineHarness(ocrMinConfidence: 0.9999);
        var (bitmap, _) = RenderedText.Draw(["检验记录 第3页 共12页 日期 2024-05-17"]);
        byte[] png;
        using (bitmap) png = RenderedText.Png(bitmap);

        var result = Assert.Single(await strict.Pipeline.IngestUploadAsync("记录.png", new MemoryStream(png), new IngestRequest()));

        Assert.Equal(FileStatus.Ingested, result.Status);
        Assert.Equal(DocumentStatus.Ready, (await strict.Store.GetAsync(result.DocumentId!.Value))!.Status);
        var page = Assert.Single(await strict.Store.GetPagesAsync(result.DocumentId!.Value));
        Assert.Equal(PageStatus.OcrLowConfidence, page.Status);
        Assert.Matches(@"mean OCR confidence 0\.\d\d, below 1\.00", page.Error);
        // Its lines are kept and marked: each box says it was read by OCR, with its confidence, and that OCR was unsure.
        var chunk = Assert.Single(await strict.Store.GetChunksAsync(result.DocumentId.Value));
        Assert.Contains("2024-05-17", chunk.Text);
        Assert.NotEmpty(chunk.Boxes);
        Assert.All(chunk.Boxes, b => Assert.True(b is { Ocr: > 0.5 and < 0.9999, Uncertain: true }, $"box {b}"));
        Assert.Contains(result.Warnings, w => w.Code == IngestWarning.OcrUnsure && w.Count == 1 && w.Text.Contains("OCR was unsure of 1 page", StringComparison.Ordinal));
    }
}
