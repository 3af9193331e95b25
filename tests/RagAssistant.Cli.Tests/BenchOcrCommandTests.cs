using System.Text.Json;
using RagAssistant.Testing;

namespace RagAssistant.Cli.Tests;

/// <summary>
/// <c>rag bench ocr</c> run the way a user runs it, on a folder with the smallest corpus PDF (one page of a process card,
/// Chinese and English lines) at one resolution: CER per language, pages/s, and the answers on the image-only copy
/// against the original, both measured in the run. The full bench (7 PDFs, 200 and 300 dpi) is run by hand.
/// </summary>
public sealed class BenchOcrCommandTests
{
    private const string Card = "JD-2108-0102_花键轴_工序卡.pdf";

    [Fact]
    public async Task BenchOcr_OnePdf_ReportsCerPerLanguageSpeedAndAnswersOfBothSets()
    {
        using var temp = new TempDirectory();
        File.Copy(Path.Combine(RepositoryPaths.Corpus, Card), temp.File(Card));

        var report = await Rag.JsonAsync(RepositoryPaths.Root, null, "bench", "ocr", "--docs", temp.Path,
            "--questions", "corpus/eval/questions.jsonl", "--dpi", "200", "--pages", "1", "--dense-chars", "100");

        var rows = report.GetProperty("results").EnumerateArray().ToList();
        var cer = rows.Where(r => r.GetProperty("case").GetString() == "cer").ToList();
        Assert.Equal(["en", "zh"], cer.Select(r => r.GetProperty("lang").GetString()).Order());
        foreach (var row in cer)
        {
            Assert.Equal(200, row.GetProperty("dpi").GetDouble());
            Assert.True(row.GetProperty("referenceChars").GetInt32() > 0);
            Assert.InRange(row.GetProperty("cer").GetDouble(), 0, 1);
            Assert.True(row.GetProperty("unmatchedLines").GetInt32() >= 0);
        }
        var speed = Assert.Single(rows, r => r.GetProperty("case").GetString() == "speed");
        Assert.True(speed.GetProperty("pagesPerSec").GetDouble() > 0);
        Assert.True(speed.GetProperty("threads").GetInt32() >= 1);
        // The same pages as ingestion reads them, with its page workers.
        Assert.True(speed.GetProperty("workers").GetInt32() >= 1);
        Assert.True(speed.GetProperty("workersPagesPerSec").GetDouble() > 0);

        var all = Assert.Single(rows, r => r.GetProperty("case").GetString() == "answers" && r.GetProperty("split").GetString() == "all");
        Assert.True(all.GetProperty("questions").GetInt32() >= 1);
        foreach (var key in new[] { "hit@5", "answer_contains", "baselineHit@5", "baselineAnswer_contains" })
            Assert.Equal(JsonValueKind.Number, all.GetProperty(key).ValueKind);
        // The card's questions are all in the test split: the row is there beside "all".
        Assert.Contains(rows, r => r.GetProperty("case").GetString() == "answers" && r.GetProperty("split").GetString() == "test");
        Assert.Equal(1, report.GetProperty("answers").GetProperty("imageOnly").GetProperty("ingested").GetInt32());
    }

    [Fact]
    public async Task BenchOcr_MissingFolder_IsAUsageErrorSayingSo()
    {
        var result = await RagProcess.RunAsync(["bench", "ocr", "--docs", "no/such/folder", "--json"], RepositoryPaths.Root);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no/such/folder", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
    }
}
