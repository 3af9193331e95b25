using Microsoft.Extensions.Logging.Abstractions;
using RagAssistant.Core.Documents;
using RagAssistant.Ingestion.Readers.Pdf;
using RagAssistant.Testing;

namespace RagAssistant.Ingestion.Tests;

/// <summary>
/// A table ruled around its header and its body but not between its body rows (datasheet timing tables, spec sheets):
/// every line of the first column starts a row, symbols that begin in lower case (tCL, tW3) included; a label that
/// wraps in lower case stays one row.
/// </summary>
public sealed class UnruledRowsTests
{
    [Fact]
    public void BodyWithoutRulesBetweenRows_SymbolsInLowerCase_EachSymbolIsARow()
    {
        string[] header = ["Symbol", "Description", "Min", "Units"];
        string[][] body =
        [
            ["tCL", "Input Clock Pulse Width", "50", "ns"],
            ["tDS", "Data Setup Time", "25", "ns"],
            ["tW3", "Load Pulse Width (3-Wire Mode)", "250", "ns"],
            ["tPD", "Propagation Delay to SDO", "160", "ns"],
        ];
        var table = ReadTable(header, body, lineHeight: 12);

        Assert.Equal(header, table.Header);
        Assert.Equal(body.Select(r => string.Join(" | ", r)), table.Rows.Select(r => string.Join(" | ", r.Cells)));
    }

    [Fact]
    public void FirstColumnLabelWrappingInLowerCase_StaysOneRow()
    {
        string[] header = ["Item", "Value"];
        var pdfRows = new[] { ("Cover bolts", "48 Nm"), ("and washers", ""), ("Drain plug", "35 Nm") };
        using var pdf = new RuledTestPdf();
        var page = pdf.AddPage();
        double[] xs = [60, 200, 320];
        const double top = 780, headerBottom = 764;
        RuledBody(page, xs, top, headerBottom, headerBottom - 12 * pdfRows.Length - 6);
        pdf.Cells(page, xs, [top, headerBottom], [header]);
        for (var i = 0; i < pdfRows.Length; i++)
        {
            var baseline = headerBottom - 12 * (i + 1);
            pdf.Text(page, pdfRows[i].Item1, xs[0] + 4, baseline);
            if (pdfRows[i].Item2.Length > 0) pdf.Text(page, pdfRows[i].Item2, xs[1] + 4, baseline);
        }

        var table = Assert.Single(Read(pdf.Build()).Blocks.OfType<TableBlock>());

        Assert.Equal(["Cover bolts and washers | 48 Nm", "Drain plug | 35 Nm"], table.Rows.Select(r => string.Join(" | ", r.Cells)));
    }

    [SharedDataFact("pdf")]
    public void DatasheetTimingTable_EverySymbolIsItsOwnRow()
    {
        var path = Path.Combine(RepositoryPaths.SharedTestData, "pdf", "ssm2163.pdf");
        var document = new PdfReader(NullLogger<PdfReader>.Instance).Read(ReaderTestInput.For("ssm2163.pdf", File.ReadAllBytes(path)), default);
        var table = Assert.Single(document.Blocks.OfType<TableBlock>(), t => t.Header.Count > 0 && t.Header[0] == "Timing Symbol");

        Assert.Equal(["tCL", "tCH", "tDS", "tDH", "tCW", "tWC", "tLW", "tWL", "tL", "tW3", "tPD"], table.Rows.Select(r => r.Cells[0]));
        Assert.Equal(["tDS", "Data Setup Time", "25", "", "", "ns"], table.Rows[2].Cells);             // 25 ns is the minimum (Min | Typ | Max)
        Assert.StartsWith("Propagation Delay from Rising Clock to SDO", table.Rows[10].Cells[1], StringComparison.Ordinal);
    }

    /// <summary>A header row and a body in one ruled frame with its column rules, and no rule between the body's rows.</summary>
    private static TableBlock ReadTable(string[] header, string[][] body, double lineHeight)
    {
        using var pdf = new RuledTestPdf();
        var page = pdf.AddPage();
        double[] xs = [60, 110, 330, 380, 430];
        const double top = 780, headerBottom = 764;
        RuledBody(page, xs, top, headerBottom, headerBottom - lineHeight * body.Length - 6);
        pdf.Cells(page, xs, [top, headerBottom], [header]);
        for (var r = 0; r < body.Length; r++)
            for (var c = 0; c < body[r].Length; c++)
                pdf.Text(page, body[r][c], xs[c] + 4, headerBottom - lineHeight * (r + 1));
        return Assert.Single(Read(pdf.Build()).Blocks.OfType<TableBlock>());
    }

    private static void RuledBody(UglyToad.PdfPig.Writer.PdfPageBuilder page, double[] xs, double top, double headerBottom, double bottom)
    {
        foreach (var y in new[] { top, headerBottom, bottom }) RuledTestPdf.Line(page, xs[0], y, xs[^1], y);
        foreach (var x in xs) RuledTestPdf.Line(page, x, top, x, bottom);
    }

    private static ParsedDocument Read(byte[] pdf) =>
        new PdfReader(NullLogger<PdfReader>.Instance).Read(ReaderTestInput.For("unruled-rows.pdf", pdf), default);
}
