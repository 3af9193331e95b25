using System.Diagnostics;
using System.Globalization;
using System.Text;
using RagAssistant.Core.Documents;
using RagAssistant.Testing;
using Xunit.Abstractions;

namespace RagAssistant.Ingestion.Tests;

/// <summary>
/// Every PDF in ../shared/testdata/pdf, through the real pipeline, against the expectation in its README: ingested with
/// the text named there, its scanned pages read by OCR, or failed with a clear reason — within its time budget, never a
/// crash, a hang or a silently empty document. Skipped with a message when the folder is absent.
/// </summary>
public class SharedPdfTestDataTests(ITestOutputHelper output)
{
    private static string Folder => Path.Combine(RepositoryPaths.SharedTestData, "pdf");

    /// <summary>
    /// Seconds each page read by OCR adds to a file's budget here: a dense page takes 2–6 s on a 2-core machine (`rag
    /// bench ocr`); the budget leaves room for a busy CI machine but not for a page that hangs (the product allows
    /// Rag:Ocr:PageSeconds, 30).
    /// </summary>
    private const int SecondsPerOcrPage = 15;

    /// <summary>file → (outcome, what the reason or the text must contain, seconds allowed; OCR pages add <see cref="SecondsPerOcrPage"/> each).</summary>
    private static readonly Dictionary<string, (string Outcome, string[] Contains, int Seconds)> Expected = new()
    {
        ["FailedToParseContentForPage32.pdf"] = ("text", ["page 32"], 30), // the warning names the failing page
        ["GHOSTSCRIPT-691770-0.pdf"] = ("failed", ["malformed PDF", "Decoded stream size"], 10),
        ["Hang.pdf"] = ("failed", ["malformed PDF"], 10),
        ["SpookyPass.pdf"] = ("failed", ["malformed PDF", "cannot contain itself"], 10),
        ["StackOverflow_Issue_1122.pdf"] = ("failed", ["malformed PDF", "Circular reference"], 10),
        ["stackoverflow_error.pdf"] = ("failed", ["malformed PDF", "nesting depth"], 10),
        ["encrypted-password-is-password.pdf"] = ("failed", ["password required"], 10),
        ["r4_aes_empty_string.pdf"] = ("failed", ["encrypted PDF", "no extractable text"], 10),
        ["password.pdf"] = ("failed", ["password required"], 5),
        ["invalid-xref-loop.pdf"] = ("failed", ["no extractable text"], 10),
        ["pages-indirect-to-null.pdf"] = ("failed", ["no extractable text"], 10),
        ["xref-with-no-whitespace.pdf"] = ("ocr", [], 10),
        ["Single-Page-Broken-Offsets-from-google-drive.pdf"] = ("text", ["This is the document title", "And then another line of text"], 10),
        ["copy-protected.pdf"] = ("text", ["LayoutParser"], 10),
        ["mineru-small_ocr.pdf"] = ("ocr", ["使用价值"], 10), // a scanned Chinese book
        ["539_2671-3.pdf"] = ("ocr", [], 10),
        ["single_table.pdf"] = ("ocr", [], 10),
        ["Type0_CJK_Font.pdf"] = ("text", ["中航动力控制股份有限公司", "2010年半年度报告"], 30),
        ["cmap-parsing-exception.pdf"] = ("text", ["再制造职能流程图"], 10),
        ["Indexed-DeviceRGB-JPXDecode-0-.0.0.255.0.-Font-F1_1_missing_char_255-1.pdf"] = ("text", ["商业管理体制与商事法规"], 10),
        ["caly-issues-56-1.pdf"] = ("text", ["LS-DYNA程序系列", "非线性动力分析软件"], 10),
        ["SVOLT-196Ah-3.2V-LiFePO4-Blade-Battery-Cell-SpecificationDatasheet.pdf"] = ("text", ["样品电性能指标", "Cell Performance"], 20),
        ["Motor-Insurance-claim-form.pdf"] = ("text", ["汽車保險索償申請表", "MOTOR INSURANCE CLAIM FORM"], 10),
        ["SPARC-v9-Architecture-Manual.pdf"] = ("text", ["SPARC"], 60),
        ["ssm2163.pdf"] = ("text", [], 10),
        ["pop-bugzilla37292.pdf"] = ("text", [], 10),
        ["data.pdf"] = ("text", [], 10),
        ["embedded-images-tables.pdf"] = ("text", [], 10),
        ["layout-parser-paper-with-table.pdf"] = ("text", ["LayoutParser"], 10),
    };

    public static IEnumerable<object[]> Files() =>
        Directory.Exists(Folder)
            ? Directory.GetFiles(Folder, "*.pdf").Select(f => new object[] { Path.GetFileName(f) }).Order(Comparer<object[]>.Create((a, b) => string.CompareOrdinal((string)a[0], (string)b[0])))
            : [["(absent)"]];

    [Theory]
    [MemberData(nameof(Files))]
    public async Task EachFile_EndsWithinItsBudget_AsItsReadmeExpects(string file)
    {
        if (!Directory.Exists(Folder))
        {
            output.WriteLine($"testdata not found at {Folder}; skipping third-party fixture tests");
            return;
        }
        Assert.True(Expected.TryGetValue(file, out var expected), $"{file} has no expectation in this test: add one from testdata/README.md");

        using var h = new PipelineHarness();
        var clock = Stopwatch.StartNew();
        var report = await h.IngestAsync(Path.Combine(Folder, file));
        clock.Stop();
        var result = Assert.Single(report.Files);
        output.WriteLine($"{file}: {result.Status} in {clock.Elapsed.TotalSeconds:0.0} s, {result.Chunks} chunks; {result.Error}; {string.Join(" | ", result.Warnings)}");
        var ocrPages = result.DocumentId is { } id ? (await h.Store.GetPagesAsync(id)).Count(p => p.Status is PageStatus.OcrDone or PageStatus.OcrLowConfidence) : 0;
        var budget = expected.Seconds + SecondsPerOcrPage * ocrPages;
        Assert.True(clock.Elapsed.TotalSeconds <= budget, $"{file} took {clock.Elapsed.TotalSeconds:0.0} s, over its {budget} s ({ocrPages} pages read by OCR)");

        switch (expected.Outcome)
        {
            case "failed":
                Assert.Equal(FileStatus.Failed, result.Status);
                foreach (var part in expected.Contains) Assert.Contains(part, result.Error);
                break;
            case "ocr":
                // Image-only pages: read by OCR, so the document is ready and every page says so.
                Assert.Equal(FileStatus.Ingested, result.Status);
                var scanned = (await h.Store.GetAsync(result.DocumentId!.Value))!;
                Assert.Equal(DocumentStatus.Ready, scanned.Status);
                var pages = await h.Store.GetPagesAsync(scanned.Id);
                Assert.NotEmpty(pages);
                Assert.All(pages, p => Assert.Contains(p.Status, new[] { PageStatus.OcrDone, PageStatus.OcrLowConfidence, PageStatus.Empty }));
                Assert.True(ocrPages > 0, $"{file}: no page was read by OCR");
                var read = Squash(string.Join("\n", (await h.Store.GetChunksAsync(scanned.Id)).Select(c => c.IndexedText)));
                foreach (var part in expected.Contains) Assert.Contains(Squash(part), read);
                break;
            default:
                Assert.Equal(FileStatus.Ingested, result.Status);
                Assert.True(result.Chunks > 0);
                var chunks = await h.Store.GetChunksAsync(result.DocumentId!.Value);
                var text = Squash(string.Join("\n", chunks.Select(c => c.IndexedText)) + "\n" + string.Join("\n", result.Warnings));
                foreach (var part in expected.Contains) Assert.Contains(Squash(part), text);
                // No mojibake: no replacement characters, no private-use code points, no zero-width spaces.
                Assert.DoesNotContain(text, c => c is '\uFFFD' or '\u200B' || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.PrivateUse);
                break;
        }
    }

    [SharedDataFact("pdf")]
    public async Task SvoltDatasheet_ContentsPagesAreTheOutline_NotTablesNorTheTitle()
    {
        const string file = "SVOLT-196Ah-3.2V-LiFePO4-Blade-Battery-Cell-SpecificationDatasheet.pdf";
        var path = Path.Combine(Folder, file);
        var doc = TestPdf.Read(File.ReadAllBytes(path), file);

        // Pages 1–2 are its table of contents: no table, no heading, no page footer ("第I页共II页"); one paragraph each.
        Assert.DoesNotContain(doc.Blocks, b => b.Page <= 2 && b is TableBlock or HeadingBlock);
        Assert.DoesNotContain(doc.Blocks.OfType<HeadingBlock>(), h => h.Text.Contains("目录", StringComparison.Ordinal));
        var outline = doc.Blocks.OfType<ParagraphBlock>().Where(p => p.Page <= 2).ToList();
        Assert.Equal([1, 2], outline.Select(p => p.Page ?? 0));
        Assert.All(outline, p => Assert.StartsWith("目录 Contents: ", p.Text));
        Assert.Contains("1.1 主要性能 Main Performance;", outline[0].Text);
        Assert.EndsWith("8 电芯图纸 Drawing", outline[1].Text);
        Assert.DoesNotContain("....", outline[0].Text + outline[1].Text);
        // A clause title too long for the numbered-heading rule is a heading because the outline lists it; a value is not.
        Assert.Contains(doc.Blocks, b => b is HeadingBlock { Text: "1.6.3 脉冲后保护模式 Protection mode after regenerative pulse charge", Level: 3 });
        Assert.DoesNotContain(doc.Blocks.OfType<HeadingBlock>(), h => h.Text is "2.0 V" or "2.0" || h.Text.StartsWith("5 °C", StringComparison.Ordinal));

        // No cover page: the file name, which names the product, is the title — not "目录 Contents".
        using var h = new PipelineHarness();
        var report = await h.IngestAsync(path);
        var stored = (await h.Store.GetAsync(Assert.Single(report.Files).DocumentId!.Value))!;
        output.WriteLine($"title: {stored.Title}; kind: {stored.Kind}");
        Assert.Contains("SVOLT-196Ah", stored.Title);
        Assert.Contains("Battery-Cell", stored.Title);
    }

    private static string Squash(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
            if (!char.IsWhiteSpace(c)) sb.Append(char.ToLowerInvariant(c));
        return sb.ToString();
    }
}
