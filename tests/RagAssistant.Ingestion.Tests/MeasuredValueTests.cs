using Microsoft.Extensions.Logging.Abstractions;
using RagAssistant.Core.Documents;
using RagAssistant.Ingestion.Readers;
using RagAssistant.Ingestion.Readers.Pdf;
using RagAssistant.Testing;
using static RagAssistant.Ingestion.Tests.TestPdf;

namespace RagAssistant.Ingestion.Tests;

/// <summary>A line that is only a number with its unit is a value, never a heading.</summary>
public class MeasuredValueTests
{
    [Theory]
    [InlineData("3.2 V")]
    [InlineData("196 Ah")]
    [InlineData("25 N·m")]
    [InlineData("≤ 60 ℃")]
    [InlineData("1.5 MPa")]
    [InlineData("2.0 V")]
    [InlineData("950 r/min")]
    [InlineData("25±3 °C")]
    [InlineData("2.0–3.65 V")]
    [InlineData("9.8 m/s²")]
    [InlineData("3 件")]
    [InlineData("5 °C≤T<10 °C")]
    [InlineData("-30°C≤T≤55 °C")]
    public void NumberWithUnit_IsAMeasuredValue_AndNoNumberedHeading(string line)
    {
        Assert.True(MeasuredValue.IsWholeLine(line));
        Assert.False(NumberedHeading.TryParse(line, out _, out _));
        Assert.False(NumberedHeading.TryParseLeadingClause(line, out _, out _));
    }

    [Theory]
    [InlineData("4 General")]
    [InlineData("1 范围")]
    [InlineData("3 Terms and definitions")]
    [InlineData("5.1 Pre-start checks")]
    [InlineData("4.2.3 有效硬化层深度")]
    [InlineData("1.7.1 25 °C的容量 Capacity at 25°C")]
    [InlineData("The rated voltage is 3.2 V")]
    public void ClauseTitlesAndSentences_AreNoMeasuredValue(string line) => Assert.False(MeasuredValue.IsWholeLine(line));

    [Fact]
    public void NumberWithUnitLine_InAPdf_IsNeverAHeading_NorTheContextOfWhatFollows()
    {
        Text[] page =
        [
            new("1 Cell performance", Left, 780, 14, true),
            .. Paragraph(760, 3, "performance"),
            new("3.2 V", Left, 700),                 // stands alone: read as clause 3.2 titled "V"
            .. Paragraph(680, 3, "voltage"),
            new("196 Ah", Left, 620, 16, true),     // large and bold: passes the font rules
            .. Paragraph(600, 3, "capacity"),
            new("25 N·m", Left, 540, 11, true),     // a short bold line standing alone
            .. Paragraph(520, 3, "torque"),
            new("1.5 MPa", Left, 460),
            .. Paragraph(440, 3, "pressure"),
        ];
        var doc = Read(Build(page));

        var heading = Assert.Single(doc.Blocks.OfType<HeadingBlock>());
        Assert.Equal("1 Cell performance", heading.Text);
        var text = string.Join('\n', doc.Blocks.OfType<ParagraphBlock>().Select(p => p.Text));
        foreach (var value in new[] { "3.2 V", "196 Ah", "25 N·m", "1.5 MPa" }) Assert.Contains(value, text);
    }

    [Theory]
    [InlineData("1.3 mm and the length of 300 mm. The gas pressure inside the chamber varies")]
    [InlineData("2.5 MPa 时应立即停机")]
    [InlineData("0.8 mm deep after carburizing")]
    public void ALineStartingWithAValueThatGoesOn_IsASentenceWrapped_NotAClause(string line)
    {
        Assert.True(MeasuredValue.StartsLine(line));
        Assert.False(NumberedHeading.TryParseLeadingClause(line, out _, out _));
    }

    [Theory]
    [InlineData("4.2.1 渗碳层深度 0.8 mm～1.2 mm")]
    [InlineData("5.2 A sample shall be taken from each lot")]
    [InlineData("3.1 General requirements for the fixtures")]
    [InlineData("6.2 主轴箱润滑油每 6 个月更换一次")]
    public void AClauseNumberBeforeItsText_StaysAClause(string line)
    {
        Assert.False(MeasuredValue.StartsLine(line));
        Assert.True(NumberedHeading.TryParseLeadingClause(line, out _, out _));
    }

    [SharedDataFact("pdf")]
    public void APapersByline_StandingAloneUnderItsTitle_IsText_AndTheWrappedValueNoClause()
    {
        var path = Path.Combine(RepositoryPaths.SharedTestData, "pdf", "pop-bugzilla37292.pdf");
        var doc = new PdfReader(NullLogger<PdfReader>.Instance).Read(ReaderTestInput.For("pop-bugzilla37292.pdf", File.ReadAllBytes(path)), default);

        var headings = doc.Blocks.OfType<HeadingBlock>().Select(h => h.Text).ToList();
        Assert.DoesNotContain(headings, h => h.Contains("Novopashin", StringComparison.Ordinal));
        Assert.Contains(doc.Blocks.OfType<ParagraphBlock>(), p => p.Text.StartsWith("S. Novopashin* and A. Muriel", StringComparison.Ordinal));
        // "… a pipe with the inner diameter of / 1.3 mm and the length of 300 mm." wraps before its value: no clause 1.3.
        Assert.DoesNotContain("1.3", headings);
    }

    [Fact]
    public void ALetteredHeading_LikeAnInitial_StaysAHeading()
    {
        Text[] page =
        [
            new("A. Introduction", Left, 780, 14, true),
            .. Paragraph(760, 3, "introduction"),
            new("B. Test setup", Left, 700, 14, true),
            .. Paragraph(680, 3, "setup"),
        ];
        var headings = Read(Build(page)).Blocks.OfType<HeadingBlock>().Select(h => h.Text).ToList();

        Assert.Contains("A. Introduction", headings);
        Assert.Contains("B. Test setup", headings);
    }
}
