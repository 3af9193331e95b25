using RagAssistant.Ingestion.Benchmarks;
using RagAssistant.Ingestion.Ocr;
using RagAssistant.Testing;
using UglyToad.PdfPig;
using Xunit.Abstractions;

namespace RagAssistant.Ingestion.Tests.Ocr;

/// <summary>
/// The contents page of the corpus's VMC850 manual (page 2: entries, dot leaders of about 80 dots, page numbers)
/// rendered at 200 dpi and read by OCR, against its own text layer: every contents line comes back with its leader and
/// its page number.
/// </summary>
public sealed class ContentsPageOcrTests(OcrEngineFixture fixture, ITestOutputHelper output) : IClassFixture<OcrEngineFixture>
{
    [Fact]
    public void Read_VmcManualContentsPage_EachLineKeepsItsLeaderDotsAndPageNumber()
    {
        var pdf = File.ReadAllBytes(Path.Combine(RepositoryPaths.Corpus, "VMC850-Maintenance-Manual_JD-MM-EQ-011.pdf"));
        OcrPageReference reference;
        using (var document = PdfDocument.Open(pdf)) reference = new OcrPageReference(document.GetPage(2));
        using var renderer = new PdfPageRenderer(pdf, dpi: 200);
        using var rendered = renderer.Render(2);

        var read = fixture.Engine.Read(rendered.Bitmap);

        var ocr = read.Lines.Select(l => reference.ToFrame(l.Text, l.Corners.Select(c => ((double)c.X, (double)c.Y)), rendered.Scale)).ToList();
        var contents = OcrLineMatcher.Match(reference.Lines, ocr).Where(m => m.ReferenceText.Contains("...", StringComparison.Ordinal)).ToList();
        Assert.True(contents.Count >= 10, $"{contents.Count} contents lines in the text layer");
        foreach (var match in contents)
        {
            string expected = CharacterErrorRate.Normalise(match.ReferenceText), actual = CharacterErrorRate.Normalise(match.OcrText);
            output.WriteLine($"{expected.Count(c => c == '.'),3} {actual.Count(c => c == '.'),3} {actual}");
            // The dot count comes from the leader's length over its pitch: a dot or two either way at the ends.
            Assert.InRange(actual.Count(c => c == '.'), expected.Count(c => c == '.') - 4, expected.Count(c => c == '.') + 4);
            Assert.Equal(expected[^1], actual[^1]);
        }
    }
}
