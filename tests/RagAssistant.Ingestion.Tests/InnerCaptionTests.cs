using Microsoft.Extensions.Logging.Abstractions;
using RagAssistant.Core.Documents;
using RagAssistant.Ingestion.Readers.Pdf;
using RagAssistant.Testing;

namespace RagAssistant.Ingestion.Tests;

/// <summary>A caption set inside a table's frame, in a first row across every column, is the table's caption, not its header.</summary>
public sealed class InnerCaptionTests
{
    [Fact]
    public void ACaptionRowInsideTheFrame_BecomesTheCaption_AndTheHeaderIsTheRowBelow()
    {
        using var pdf = new RuledTestPdf();
        var page = pdf.AddPage();
        double[] xs = [60, 220, 300, 380];
        RuledTestPdf.Line(page, xs[0], 780, xs[^1], 780);
        RuledTestPdf.Line(page, xs[0], 780, xs[0], 764);
        RuledTestPdf.Line(page, xs[^1], 780, xs[^1], 764);
        pdf.Text(page, "Table 2. Molecular gases", xs[0] + 4, 768);
        double[] ys = [764, 748, 732, 716];
        RuledTestPdf.Grid(page, xs, ys);
        pdf.Cells(page, xs, ys, [["Property/Gas", "N2", "SF6"], ["Molecular mass", "28", "146"], ["Critical Reynolds number", "3290", "2530"]]);

        var table = Assert.Single(Read(pdf.Build()).Blocks.OfType<TableBlock>());

        Assert.Equal("Table 2. Molecular gases", table.Caption);
        Assert.Equal(["Property/Gas", "N2", "SF6"], table.Header);
        Assert.Equal(["Critical Reynolds number", "3290", "2530"], table.Rows[^1].Cells);
    }

    [SharedDataFact("pdf")]
    public void APapersGasTable_IsCaptionedByItsInnerCaption()
    {
        var path = Path.Combine(RepositoryPaths.SharedTestData, "pdf", "pop-bugzilla37292.pdf");
        var document = new PdfReader(NullLogger<PdfReader>.Instance).Read(ReaderTestInput.For("pop-bugzilla37292.pdf", File.ReadAllBytes(path)), default);
        var table = Assert.Single(document.Blocks.OfType<TableBlock>(), t => t.Caption == "Table 2. Molecular gases");
        Assert.Equal(["Property/Gas", "N2", "CO*", "CO2", "SF6"], table.Header);
    }

    private static ParsedDocument Read(byte[] pdf) =>
        new PdfReader(NullLogger<PdfReader>.Instance).Read(ReaderTestInput.For("inner-caption.pdf", pdf), default);
}
