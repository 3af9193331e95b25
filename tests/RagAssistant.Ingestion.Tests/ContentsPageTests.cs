using RagAssistant.Core.Documents;
using RagAssistant.Ingestion.Readers.Pdf;
using static RagAssistant.Ingestion.Tests.TestPdf;

namespace RagAssistant.Ingestion.Tests;

/// <summary>Contents pages become the outline: one readable paragraph, headings for the body, never tables or the title.</summary>
public class ContentsPageTests
{
    private static readonly Text[] Cover =
    [
        new("HP-200 Hydraulic Press", 150, 600, 24, true),
        new("Operating Manual", 150, 570, 24, true),
        new("Revision B", 150, 500, 12),
    ];

    private static Text[] Contents(double top = 760) =>
    [
        new("Contents", 250, top, 16, true),
        .. Entry(top - 40, null, "Introduction", 3),
        .. Entry(top - 62, "1", "Scope", 3),
        .. Entry(top - 84, "1.1", "Purpose", 3),
        .. Entry(top - 106, "2", "Safety", 4),
        .. Entry(top - 128, "2.1", "Warnings", 4),
        .. Entry(top - 150, "2.2", "Protective equipment", 4),
        .. Entry(top - 172, "3", "Maintenance", 5),
        .. Entry(top - 194, "3.1", "Daily checks", 5),
    ];

    /// <summary>Three body pages; each section's first line is set in the body font, so only the outline makes it a heading.</summary>
    private static Text[][] Body() =>
    [
        [new("Introduction", Left, 780), .. Paragraph(766, 5, "introduction"), new("1 Scope", Left, 660, 14, true), .. Paragraph(640, 4, "scope"),
            new("1.1 Purpose", Left, 560, 12, true), .. Paragraph(540, 4, "purpose")],
        [new("2 Safety", Left, 780, 14, true), .. Paragraph(760, 4, "safety"), new("2.1 Warnings", Left, 690, 12, true), .. Paragraph(670, 4, "warning"),
            new("2.2 Protective equipment", Left, 600, 12, true), .. Paragraph(580, 4, "equipment")],
        [new("3 Maintenance", Left, 780, 14, true), .. Paragraph(760, 4, "maintenance"), new("3.1 Daily checks", Left, 690, 12, true), .. Paragraph(670, 4, "check")],
    ];

    [Fact]
    public void DotLeaderContents_BecomesOneOutlineParagraph_NotTables_AndTheTitleComesFromTheCover()
    {
        var doc = Read(Build([Cover, Contents(), .. Body()]));

        Assert.Empty(doc.Blocks.OfType<TableBlock>());
        Assert.Equal("HP-200 Hydraulic Press Operating Manual", doc.Title);
        var outline = Assert.Single(doc.Blocks.OfType<ParagraphBlock>(), p => p.Text.StartsWith("Contents:", StringComparison.Ordinal));
        Assert.Equal(2, outline.Page);
        Assert.Equal("Contents: Introduction; 1 Scope; 1.1 Purpose; 2 Safety; 2.1 Warnings; 2.2 Protective equipment; 3 Maintenance; 3.1 Daily checks",
            outline.Text);
        Assert.NotEmpty(outline.Boxes!);
        // Nothing of the contents page is a heading, and no leaders or page numbers are left in the text.
        Assert.DoesNotContain(doc.Blocks.OfType<HeadingBlock>(), h => h.Page == 2);
        Assert.DoesNotContain(doc.Blocks.OfType<ParagraphBlock>(), p => p.Text.Contains("....", StringComparison.Ordinal));
    }

    [Fact]
    public void BodyLineMatchingAnOutlineEntry_IsAHeadingAtItsLevel_EvenInTheBodyFont()
    {
        var doc = Read(Build([Cover, Contents(), .. Body()]));

        var headings = doc.Blocks.OfType<HeadingBlock>().ToList();
        Assert.Contains(headings, h => h is { Text: "Introduction", Level: 1, Page: 3 });
        Assert.Contains(headings, h => h is { Text: "2.2 Protective equipment", Level: 2 });
        Assert.DoesNotContain(doc.Blocks.OfType<ParagraphBlock>(), p => p.Text.StartsWith("Introduction", StringComparison.Ordinal));
    }

    [Fact]
    public void ContentsAsTheFirstPage_GivesNoTitle_SoTheFileNameIsUsed()
    {
        var doc = Read(Build([Contents(), .. Body(), .. Body()]), "HP-200-manual.pdf");

        Assert.Null(doc.Title);
        Assert.Equal("HP-200-manual", TitleRules.Choose(doc.Title, "HP-200-manual.pdf"));
        Assert.True(TitleRules.IsWeak("目 录 Contents"));
        Assert.Empty(doc.Blocks.OfType<TableBlock>());
        Assert.DoesNotContain(doc.Blocks.OfType<HeadingBlock>(), h => h.Text.Contains("Contents", StringComparison.Ordinal));
    }

    [Fact]
    public void PriceListWithNumbersAtTheRight_IsNotAnOutline()
    {
        // Numbers after a wide gap, no dot leaders, no contents heading: a list, kept as it is.
        Text[] priceList =
        [
            new("Spare parts", 250, 780, 16, true),
            .. new[] { ("Hex bolt M8", "12"), ("Washer A8", "3"), ("Hydraulic filter", "48"), ("Seal kit", "25"), ("Pressure gauge", "60") }
                .SelectMany((p, i) => new Text[] { new(p.Item1, Left, 740 - 22 * i), new(p.Item2, 500, 740 - 22 * i) }),
        ];
        // Dot leaders, but prices that go down and past the page count are no page numbers.
        Text[] menu =
        [
            .. Entry(760, null, "Coffee", 12), .. Entry(738, null, "Tea", 8), .. Entry(716, null, "Cake", 45), .. Entry(694, null, "Juice", 9),
        ];
        var doc = Read(Build([priceList, menu, .. Body()]));

        Assert.DoesNotContain(doc.Blocks.OfType<ParagraphBlock>(), p => p.Text.StartsWith("Contents:", StringComparison.Ordinal));
        var text = string.Join('\n', doc.Blocks.Select(b => b switch
        {
            ParagraphBlock p => p.Text,
            HeadingBlock h => h.Text,
            TableBlock t => string.Join('\n', t.Rows.Select(r => string.Join(" | ", r.Cells)).Prepend(string.Join(" | ", t.Header))),
            _ => "",
        }));
        Assert.Contains("Pressure gauge", text);
        Assert.Contains("Coffee", text);
    }

    [Fact]
    public void ChineseContents_WithEllipsisLeaders_GivesTheOutline_AndHeadingsAtTheirLevels()
    {
        // The standard fonts cannot write Chinese, so these pages are built from lines as LineAssembler makes them.
        var pages = new List<PdfPageText>
        {
            Page(1, Line(1, 700, 20, "储能电池规格书")),
            Page(2,
                Line(2, 780, 16, "目 录"),
                Line(2, 740, 11, "第一章 总则 …… 3"),
                Line(2, 720, 11, "1.1 范围 ………… 3"),
                Line(2, 700, 11, "1.2 术语和定义 ………… 3"),
                Line(2, 680, 11, "第二章 技术要求 …… 4"),
                Line(2, 660, 11, "2.1 额定容量 ………… 4")),
            Page(3,
                Line(3, 780, 11, "第一章 总则"),
                Line(3, 760, 11, "1.2 术语和定义"),
                Line(3, 746, 11, "下列术语和定义适用于本规格书，电池指本规格书所述的储能电池单体及其附件。")),
            Page(4, Line(4, 780, 11, "2.1 额定容量"), Line(4, 766, 11, "电池额定容量为 280 Ah。")),
        };

        var outline = ContentsPage.Extract(pages, pageCount: 4);

        Assert.Equal([2], outline.Pages);
        Assert.Equal(
            [("第一章 总则", 1, 3), ("1.1 范围", 2, 3), ("1.2 术语和定义", 2, 3), ("第二章 技术要求", 1, 4), ("2.1 额定容量", 2, 4)],
            outline.Entries.Select(e => (e.Text, e.Level, e.PrintedPage ?? 0)));
        Assert.Empty(pages[1].Lines);
        Assert.Equal("目 录: 第一章 总则; 1.1 范围; 1.2 术语和定义; 第二章 技术要求; 2.1 额定容量", Assert.Single(outline.Paragraphs).Text);

        var (title, blocks) = new PdfBlockBuilder(outline).Build(pages);
        Assert.Equal("储能电池规格书", title);
        Assert.Empty(blocks.OfType<TableBlock>());
        Assert.Contains(blocks, b => b is HeadingBlock { Text: "第一章 总则", Level: 1, Page: 3 });
        Assert.Contains(blocks, b => b is HeadingBlock { Text: "1.2 术语和定义", Level: 2 });
        Assert.DoesNotContain(blocks, b => b is HeadingBlock h && ContentsPage.IsHeading(h.Text));
    }

    private static PdfPageText Page(int number, params TextLine[] lines) => new(number, 842, 842, [.. lines], Rulings.None);

    /// <summary>A one-segment line, about one em per CJK character wide.</summary>
    private static TextLine Line(int page, double y, double size, string text) =>
        new(page, 0, [new TextSegment(text, Left, y, Left + text.Length * size, y + size, size, false)]);
}
