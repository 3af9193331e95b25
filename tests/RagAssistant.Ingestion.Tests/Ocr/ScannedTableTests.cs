using Microsoft.Extensions.Logging.Abstractions;
using RagAssistant.Core.Documents;
using RagAssistant.Ingestion.Ocr;
using RagAssistant.Ingestion.Readers.Pdf;
using SkiaSharp;

namespace RagAssistant.Ingestion.Tests.Ocr;

/// <summary>
/// Tables on scanned pages: the grid lines of a scanned, ruled process card are found on the bitmap, so its OCR'd
/// cells come out as a table with its header and rows, as from a drawn grid; dark areas and text are not rules.
/// </summary>
public sealed class ScannedTableTests
{
    private static readonly string[][] Card =
    [
        ["工序号", "工序名称", "设备", "转速 r/min"],
        ["10", "粗车外圆", "CK6150", "600"],
        ["20", "精车Φ35k6轴颈", "CK6150", "950"],
        ["30", "铣键槽", "VMC850", "1200"],
    ];

    [Fact]
    public void ScannedRuledCard_GivesATable_WithItsHeaderAndRows()
    {
        var pdf = ScannedPdf(DrawGrid(Card));
        var reader = new PdfReader(NullLogger<PdfReader>.Instance, new PageOcr(new OcrOptions()));

        var document = reader.Read(ReaderTestInput.For("card.pdf", pdf), default);

        var table = Assert.Single(document.Blocks.OfType<TableBlock>());
        Assert.Equal(Card[0], table.Header);
        Assert.Equal(3, table.Rows.Count);
        var row = Assert.Single(table.Rows, r => r.Cells[0] == "20");
        Assert.Equal(["20", "精车Φ35k6轴颈", "CK6150", "950"], row.Cells);
        Assert.NotEmpty(row.Boxes!);
        // The row's boxes say it was read by OCR, as a line's do, so an answer quoting the row can say so.
        Assert.All(row.Boxes!, b => Assert.True(b.Ocr is > 0.5 and <= 1, $"box {b}"));
    }

    [Fact]
    public void ScannedUnruledTable_GivesATable_FromTheAlignmentOfItsCells()
    {
        // No grid: the detector boxes each cell on its own; cells on one visual line are one row of the table.
        var pdf = ScannedPdf(DrawGrid(Card, ruled: false));
        var reader = new PdfReader(NullLogger<PdfReader>.Instance, new PageOcr(new OcrOptions()));

        var document = reader.Read(ReaderTestInput.For("card.pdf", pdf), default);

        var table = Assert.Single(document.Blocks.OfType<TableBlock>());
        Assert.Equal(Card[0], table.Header);
        Assert.Equal(["30", "铣键槽", "VMC850", "1200"], Assert.Single(table.Rows, r => r.Cells[0] == "30").Cells);
    }

    [Fact]
    public void GridLines_AreFoundOnTheBitmap_AtTheirPagePositions_ButNotTextOrAFilledBlock()
    {
        using var bitmap = DrawGrid(Card);
        using (var canvas = new SKCanvas(bitmap))
        using (var fill = new SKPaint { Color = SKColors.Black })
            canvas.DrawRect(new SKRect(100, 1000, 500, 1200), fill); // a stamp or photo: solid, not a rule

        var rulings = BitmapRulings.Find(bitmap, scale: 2, top: 800);

        // 5 horizontal and 5 vertical grid lines; the filled block gives none (too thick), the text none (too short).
        Assert.Equal(5, rulings.Horizontal.Count);
        Assert.Equal(5, rulings.Vertical.Count);
        Assert.InRange(rulings.Horizontal[0].At, 800 - Top / 2.0 - 1, 800 - Top / 2.0 + 1);
        Assert.InRange(rulings.Vertical[0].At, Left / 2.0 - 1, Left / 2.0 + 1);
        Assert.InRange(rulings.Horizontal[0].From, Left / 2.0 - 1, Left / 2.0 + 1);
    }

    private const int Left = 80, Top = 120, RowHeight = 90;
    private static readonly int[] ColumnWidths = [220, 520, 300, 320];

    /// <summary>A card as a scan shows it: 2-px black grid lines (unless not <paramref name="ruled"/>), each cell's text left in its cell.</summary>
    private static SKBitmap DrawGrid(string[][] rows, bool ruled = true)
    {
        var bitmap = new SKBitmap(1654, 1400, SKColorType.Bgra8888, SKAlphaType.Premul);
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(SKColors.White);
        using var typeface = RenderedText.CjkTypeface();
        using var font = new SKFont(typeface, 36);
        using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        using var rule = new SKPaint { Color = SKColors.Black, StrokeWidth = 2 };
        var right = Left + ColumnWidths.Sum();
        var bottom = Top + RowHeight * rows.Length;
        var x = Left;
        if (ruled)
        {
            for (var r = 0; r <= rows.Length; r++) canvas.DrawLine(Left, Top + r * RowHeight, right, Top + r * RowHeight, rule);
            for (var c = 0; c <= ColumnWidths.Length; c++)
            {
                canvas.DrawLine(x, Top, x, bottom, rule);
                if (c < ColumnWidths.Length) x += ColumnWidths[c];
            }
        }
        for (var r = 0; r < rows.Length; r++)
        {
            x = Left;
            for (var c = 0; c < rows[r].Length; c++)
            {
                canvas.DrawText(rows[r][c], x + 16, Top + r * RowHeight + 58, SKTextAlign.Left, font, ink);
                x += ColumnWidths[c];
            }
        }
        canvas.Flush();
        return bitmap;
    }

    private static byte[] ScannedPdf(SKBitmap page)
    {
        using (page)
        {
            using var builder = new UglyToad.PdfPig.Writer.PdfDocumentBuilder();
            var pdfPage = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
            var height = 595.0 * page.Height / page.Width;
            pdfPage.AddPng(RenderedText.Png(page), new UglyToad.PdfPig.Core.PdfRectangle(0, 842 - height, 595, 842));
            return builder.Build();
        }
    }
}
