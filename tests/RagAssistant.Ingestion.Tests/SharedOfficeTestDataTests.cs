using RagAssistant.Testing;

namespace RagAssistant.Ingestion.Tests;

/// <summary>Every file of ../shared/testdata/office ends as ../shared/testdata/README.md expects: text, or a clear reason.</summary>
public class SharedOfficeTestDataTests : IDisposable
{
    private readonly PipelineHarness _h = new();

    public void Dispose() => _h.Dispose();

    public static TheoryData<string, string, string[], string[]> Expectations => new()
    {
        // file, expected status, text that must appear (or words of the reason), text that must not appear
        { "docx-tables.docx", "ingested", ["Header Col 1", "Lorem ipsum", ">b<", "e f / g&t h", "g&t"], [] },
        { "tables-with-incomplete-rows.docx", "ingested", ["a", "b", "c", "d"], [] },
        // Headers and footers are left out on purpose (decided in DocxReader); the vMerge continuation text never appears.
        { "docx-hdrftr.docx", "ingested", ["Main document"], ["First header para", "I should not be included"] },
        { "page-breaks.docx", "ingested", ["First page, tab here:", "<<Text on second page", "<<and then more text proceeds."], [] },
        { "grid_offset_error.docx", "ingested", ["A", "Merged B1-B3", "C"], [] },
        { "handbook-872p.docx", "ingested", [], [] },
        { "xlsx-subtable-cases.xlsx", "ingested", [], [] },
        // Numbers as the sheet displays them (#,##0 with negatives in parentheses), not raw doubles.
        { "2023-half-year-analyses-by-segment.xlsx", "ingested", ["12,553", "(81)", "Zone NA"], [] },
        { "stanley-cups.xlsx", "ingested", ["Maple Leafs", "TOR"], [] },
        { "empty.xlsx", "failed", ["no text"], [] },
        { "emoji.xlsx", "ingested", ["🤠😅"], [] },
        { "more-than-1k-cells.xlsx", "ingested", [], [] },
        { "password_protected.xlsx", "failed", ["password-protected"], [] },
        { "simple.doc", "failed", ["legacy binary format", ".doc", "save as .docx"], [] },
        { "tests-example.xls", "failed", ["legacy binary format", ".xls", "save as"], [] },
        { "fake-power-point-malformed.pptx", "failed", ["unsupported type: pptx"], [] },
        { "fake.odt", "failed", ["unsupported type: odf"], [] },
    };

    [SharedDataTheory("office")]
    [MemberData(nameof(Expectations))]
    public async Task OfficeFile_EndsWithTextOrAClearReason(string file, string status, string[] present, string[] absent)
    {
        var started = DateTime.UtcNow;
        var report = await _h.IngestAsync(Path.Combine(RepositoryPaths.SharedTestData, "office", file));
        var result = Assert.Single(report.Files);
        Assert.True(result.Status.ToString().Equals(status, StringComparison.OrdinalIgnoreCase), $"{file}: {result.Status} {result.Error}");
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(60), $"{file} took {DateTime.UtcNow - started}");
        if (status == "failed")
        {
            foreach (var word in present) Assert.Contains(word, result.Error);
            Assert.DoesNotContain("unexpected error", result.Error);
            Assert.DoesNotContain("corrupt", result.Error);
            return;
        }
        var chunks = await _h.Store.GetChunksAsync(result.DocumentId!.Value);
        Assert.All(chunks, c => Assert.False(string.IsNullOrWhiteSpace(c.Text)));
        var text = string.Join('\n', chunks.Select(c => c.IndexedText));
        foreach (var p in present) Assert.Contains(p, text);
        foreach (var a in absent) Assert.DoesNotContain(a, text);
        Assert.All(chunks, c => Assert.True(c.TokenCount <= 512, $"{c.Locator}: {c.TokenCount} tokens"));
    }

    [SharedDataFact("office")]
    public void SubtableCases_EveryCellValueAppearsExactlyOnce_InSeparateTables()
    {
        var doc = OfficeTestFiles.Read(OfficeTestFiles.Shared("xlsx-subtable-cases.xlsx"));
        var cells = doc.Blocks.Sum(b => b switch
        {
            Core.Documents.HeadingBlock { Level: > 1 } => 1,
            Core.Documents.ParagraphBlock p => p.Text.Split(" | ").Length,
            Core.Documents.TableBlock t => t.Header.Count(h => h.Length > 0) + t.Rows.Sum(r => r.Cells.Count(c => c.Length > 0)),
            _ => 0,
        });
        Assert.Equal(68, cells);
        Assert.True(doc.Blocks.OfType<Core.Documents.TableBlock>().Count() >= 8, "sub-tables come out as separate tables");
    }

    [SharedDataFact("office")]
    public void SegmentAnalysis_EachZoneIsOneRowAcrossTheSpacerColumns_UnderItsPeriod()
    {
        var doc = OfficeTestFiles.Read(OfficeTestFiles.Shared("2023-half-year-analyses-by-segment.xlsx"));
        var tables = doc.Blocks.OfType<Core.Documents.TableBlock>().ToList();
        var first = tables.First();
        Assert.Equal("January–June 2023 › Depreciation and amortization", first.Header[^1]);
        Assert.Equal(["Zone NA", "12,553", "2,713", "2,632", "(81)", "(29)", "(44)", "(337)"], first.Rows[0].Cells);
        Assert.Contains(tables, t => t.Header.Contains("January–June 2022 › Sales (a)") && t.Rows.Any(r => r.Cells[0] == "Zone NA" && r.Cells[1] == "12,138"));
        Assert.DoesNotContain(doc.Blocks.OfType<Core.Documents.HeadingBlock>(), h => h.Text.StartsWith("(a)"));
    }

    [SharedDataFact("office")]
    public void StanleyCups_TwoSheetsTwoTables_TitleRowKeptAsHeading()
    {
        var doc = OfficeTestFiles.Read(OfficeTestFiles.Shared("stanley-cups.xlsx"));
        Assert.Equal(2, doc.Blocks.OfType<Core.Documents.TableBlock>().Count());
        Assert.Equal(["Stanley Cups", "Stanley Cups Since 67"], doc.Blocks.OfType<Core.Documents.HeadingBlock>().Where(h => h.Level == 1).Select(h => h.Text));
        var table = doc.Blocks.OfType<Core.Documents.TableBlock>().First();
        Assert.Equal(["Team", "Location", "Stanley Cups"], table.Header);
    }

    [SharedDataFact("office")]
    public void MoreThan1kCells_AllCellsRead()
    {
        var doc = OfficeTestFiles.Read(OfficeTestFiles.Shared("more-than-1k-cells.xlsx"));
        var text = OfficeTestFiles.AllText(doc);
        Assert.Equal(1040, text.Count(ch => ch == 'x'));
    }

    [SharedDataFact("office")]
    public void Handbook_HeaderAndFooterTextIsLeftOut()
    {
        var path = OfficeTestFiles.Shared("handbook-872p.docx");
        var doc = OfficeTestFiles.Read(path);
        using var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(path, false);
        var main = word.MainDocumentPart!;
        var body = main.Document!.Body!.InnerText;
        var pageTexts = main.HeaderParts.Select(h => h.Header!.InnerText).Concat(main.FooterParts.Select(f => f.Footer!.InnerText))
            .Select(t => t.Trim()).Where(t => t.Length > 3 && !body.Contains(t, StringComparison.Ordinal)).Distinct().ToList();
        Assert.NotEmpty(pageTexts);
        var text = OfficeTestFiles.AllText(doc);
        Assert.All(pageTexts, t => Assert.DoesNotContain(t, text));
        Assert.True(text.Length > 600_000, $"{text.Length} characters read");
    }
}
