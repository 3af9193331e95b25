using System.Text.Json;
using RagAssistant.Ingestion.Benchmarks;
using RagAssistant.Testing;

namespace RagAssistant.Cli.Tests;

/// <summary>
/// A scanned document the way a user meets it: an image-only copy of the corpus's process card (each page a 200 dpi
/// picture, no text layer) is ingested by <c>rag ingest</c>, its pages are read by OCR (shown by <c>rag docs show</c>),
/// and an answer quoting it says that the quote was read by OCR.
/// </summary>
public sealed class ScannedDocumentTests
{
    private const string Card = "JD-2108-0102_花键轴_工序卡.pdf";

    [Fact]
    public async Task ScannedProcessCard_IsReadByOcr_AndAnAnswerQuotingItSaysSo()
    {
        using var temp = new TempDirectory();
        temp.WriteBytes(Card, ImageOnlyPdf.Build(File.ReadAllBytes(Path.Combine(RepositoryPaths.Corpus, Card))));
        var db = temp.File("kb.db");

        var report = await Rag.IngestAsync(temp.Path, db, Card);
        var file = Rag.FileResult(report, Card);
        Assert.Equal("ingested", file.Status());
        var shown = await Rag.ShowAsync(temp.Path, db, file.GetProperty("documentId").GetInt64());
        Assert.Equal("ready", shown.GetProperty("document").GetProperty("status").GetString());
        Assert.All(shown.GetProperty("pageDetails").EnumerateArray(), p => Assert.Equal("ocr_done", p.GetProperty("status").GetString()));

        var answer = await Rag.JsonAsync(temp.Path, null, "ask", "花键轴铣花键那道工序用什么设备？", "--db", db);

        var text = answer.GetProperty("answer").GetString()!;
        Assert.Contains("YK3150", text);
        Assert.Contains("OCR", text);
        var citation = answer.GetProperty("citations")[0];
        Assert.InRange(citation.GetProperty("ocrConfidence").GetDouble(), 0.5, 1.0);
        Assert.True(citation.GetProperty("boxes").GetArrayLength() > 0);
    }
}
