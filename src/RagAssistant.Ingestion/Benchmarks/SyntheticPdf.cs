using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace RagAssistant.Ingestion.Benchmarks;

/// <summary>
/// Writes the benchmark's synthetic A4 PDF: pages of pseudo-English prose from a fixed vocabulary and a fixed seed
/// (so every run reads the same bytes), about <see cref="CharactersPerPage"/> characters a page (an ordinary A4 page of
/// prose; the issue asks for at least 2,000), every other page set in two columns.
/// </summary>
public static class SyntheticPdf
{
    private static readonly string[] Words =
    [
        "spindle", "bearing", "coolant", "turret", "chuck", "hydraulic", "pressure", "lubrication", "guideway", "feed",
        "speed", "tolerance", "surface", "roughness", "inspection", "operator", "maintenance", "alarm", "filter", "oil",
        "the", "and", "of", "to", "is", "in", "for", "with", "check", "replace", "clean", "shaft", "journal", "insert",
        "tool", "wear", "diameter", "temperature", "interval", "daily", "weekly", "monthly", "machine", "axis", "servo",
    ];

    public const int CharactersPerPage = 2600;

    public static byte[] Build(int pages, int seed = 20260401)
    {
        var random = new Random(seed);
        using var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        const double fontSize = 9, leading = 11.5, top = 800, bottom = 50, left = 50, right = 545;
        for (var n = 0; n < pages; n++)
        {
            var page = builder.AddPage(PageSize.A4);
            var twoColumns = n % 2 == 1;
            var columns = twoColumns ? new[] { (left, 290.0), (305.0, right) } : new[] { (left, right) };
            page.AddText($"Synthetic benchmark page {n + 1}", 14, new PdfPoint(left, top + 14), font);
            var written = 0;
            foreach (var (x0, x1) in columns)
            {
                // Helvetica at 9 pt averages about 4.6 pt per character.
                var perLine = (int)((x1 - x0) / 4.6);
                for (var y = top - leading; y > bottom && written < CharactersPerPage * (x0 == left ? 1.0 / columns.Length : 1); y -= leading)
                {
                    var line = Line(random, perLine);
                    page.AddText(line, fontSize, new PdfPoint(x0, y), font);
                    written += line.Length;
                }
            }
            if (written < 2000) throw new InvalidOperationException("synthetic page too sparse");
        }
        return builder.Build();
    }

    private static string Line(Random random, int length)
    {
        var sb = new System.Text.StringBuilder(length + 12);
        while (sb.Length < length - 12)
        {
            if (sb.Length > 0) sb.Append(' ');
            sb.Append(Words[random.Next(Words.Length)]);
        }
        return sb.ToString();
    }
}
