using Microsoft.Extensions.Logging.Abstractions;
using RagAssistant.Core.Documents;
using RagAssistant.Ingestion.Readers.Pdf;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace RagAssistant.Ingestion.Tests;

/// <summary>
/// Writes small A4 PDFs with PdfPig's builder (Helvetica, Latin text only: the standard fonts carry no CJK glyphs) and
/// reads them back with the real <see cref="PdfReader"/>.
/// </summary>
internal static class TestPdf
{
    public const double Left = 60, Right = 530, BodySize = 11, Leading = 14;

    /// <summary>One piece of text: its baseline's start, size and weight.</summary>
    public sealed record Text(string Value, double X, double Y, double Size = BodySize, bool Bold = false);

    public static byte[] Build(params IReadOnlyList<Text>[] pages)
    {
        using var builder = new PdfDocumentBuilder();
        var regular = builder.AddStandard14Font(Standard14Font.Helvetica);
        var bold = builder.AddStandard14Font(Standard14Font.HelveticaBold);
        foreach (var texts in pages)
        {
            var page = builder.AddPage(PageSize.A4);
            foreach (var t in texts) page.AddText(t.Value, t.Size, new PdfPoint(t.X, t.Y), t.Bold ? bold : regular);
        }
        return builder.Build();
    }

    public static ParsedDocument Read(byte[] pdf, string fileName = "test.pdf") =>
        new PdfReader(NullLogger<PdfReader>.Instance).Read(ReaderTestInput.For(fileName, pdf), default);

    /// <summary>Lines of running text from <paramref name="y"/> down, each filling most of the column.</summary>
    public static IEnumerable<Text> Paragraph(double y, int lines, string topic)
    {
        for (var i = 0; i < lines; i++)
            yield return new Text($"The {topic} text of line {i + 1} continues here with enough words to fill the column width.", Left, y - i * Leading);
    }

    /// <summary>A contents entry: its clause number (if any), then its title, dot leaders to the right margin and the page.</summary>
    public static IEnumerable<Text> Entry(double y, string? number, string title, int page)
    {
        // Helvetica: a dot is 0.278 em, an average letter about 0.55 em.
        var titleX = number is null ? Left : Left + 40;
        var dots = (int)((Right - titleX - title.Length * 0.55 * BodySize) / (0.278 * BodySize)) - 4;
        if (number is not null) yield return new Text(number, Left, y);
        yield return new Text($"{title} {new string('.', Math.Max(dots, 4))} {page}", titleX, y);
    }
}
