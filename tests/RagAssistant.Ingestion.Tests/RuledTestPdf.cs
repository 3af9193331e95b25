using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Graphics.Operations;
using UglyToad.PdfPig.Graphics.Operations.General;
using UglyToad.PdfPig.Graphics.Operations.PathConstruction;
using UglyToad.PdfPig.Graphics.Operations.PathPainting;
using UglyToad.PdfPig.Graphics.Operations.SpecialGraphicsState;
using UglyToad.PdfPig.Writer;

namespace RagAssistant.Ingestion.Tests;

/// <summary>
/// Writes A4 test PDFs with PdfPig's writer: Helvetica text, and vector graphics written as the raw path operators a
/// producer emits (<c>m l S</c> for a rule, <c>re S</c> / <c>re f</c> / <c>re B</c> for boxes), so a test states exactly
/// which paths the page holds.
/// </summary>
internal sealed class RuledTestPdf : IDisposable
{
    private readonly PdfDocumentBuilder _builder = new();
    private readonly PdfDocumentBuilder.AddedFont _font;

    public RuledTestPdf() => _font = _builder.AddStandard14Font(Standard14Font.Helvetica);

    public PdfPageBuilder AddPage() => _builder.AddPage(PageSize.A4);

    public void Text(PdfPageBuilder page, string text, double x, double baseline, double size = 10) =>
        page.AddText(text, size, new PdfPoint(x, baseline), _font);

    /// <summary>
    /// Draws with the coordinates turned a quarter turn anticlockwise about (<paramref name="x"/>, <paramref name="y"/>):
    /// text then reads bottom to top, as a landscape table set on a portrait page does.
    /// </summary>
    public static void QuarterTurned(PdfPageBuilder page, double x, double y, Action draw)
    {
        Add(page, Push.Value);
        Add(page, new ModifyCurrentTransformationMatrix([0, 1, -1, 0, x, y]));
        draw();
        Add(page, Pop.Value);
    }

    /// <summary>One straight stroke (<c>x0 y0 m x1 y1 l S</c>).</summary>
    public static void Line(PdfPageBuilder page, double x0, double y0, double x1, double y1)
    {
        Add(page, new BeginNewSubpath(x0, y0));
        Add(page, new AppendStraightLineSegment(x1, y1));
        Add(page, StrokePath.Value);
    }

    /// <summary>A box: stroked (<c>re S</c>), filled (<c>re f</c>), or both (<c>re B</c>).</summary>
    public static void Box(PdfPageBuilder page, double left, double bottom, double width, double height, bool stroke, bool fill)
    {
        Add(page, new AppendRectangle(left, bottom, width, height));
        Add(page, (stroke, fill) switch
        {
            (true, true) => FillPathNonZeroWindingAndStroke.Value,
            (false, true) => FillPathNonZeroWinding.Value,
            _ => StrokePath.Value,
        });
    }

    public static void LineWidth(PdfPageBuilder page, double width) => Add(page, new SetLineWidth(width));

    /// <summary>
    /// A fully ruled grid: a horizontal rule at every y of <paramref name="ys"/> (top to bottom) across
    /// <paramref name="xs"/>, a vertical rule at every x from the first y to the last. With <paramref name="doubled"/>
    /// every rule is drawn a second time <paramref name="doubled"/> pt away (as producers that draw each cell's border do).
    /// </summary>
    public static void Grid(PdfPageBuilder page, double[] xs, double[] ys, double doubled = 0)
    {
        foreach (var offset in doubled == 0 ? [0.0] : new[] { 0, doubled })
        {
            foreach (var y in ys) Line(page, xs[0], y + offset, xs[^1], y + offset);
            foreach (var x in xs) Line(page, x + offset, ys[0], x + offset, ys[^1]);
        }
    }

    /// <summary>
    /// Writes <paramref name="rows"/> into the cells of a grid (row r between ys[r] and ys[r + 1], column c between xs[c]
    /// and xs[c + 1]): 4 pt in from the cell's left, the baseline 4 pt above its bottom rule. Empty strings stay empty.
    /// </summary>
    public void Cells(PdfPageBuilder page, double[] xs, double[] ys, IReadOnlyList<string[]> rows, double size = 10)
    {
        for (var r = 0; r < rows.Count; r++)
            for (var c = 0; c < rows[r].Length; c++)
                if (rows[r][c].Length > 0) Text(page, rows[r][c], xs[c] + 4, ys[r + 1] + 4, size);
    }

    public byte[] Build() => _builder.Build();

    public void Dispose() => _builder.Dispose();

    private static void Add(PdfPageBuilder page, IGraphicsStateOperation operation) => page.CurrentStream.Operations.Add(operation);
}
