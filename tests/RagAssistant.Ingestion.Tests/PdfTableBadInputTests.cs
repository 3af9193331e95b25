using Microsoft.Extensions.Logging.Abstractions;
using RagAssistant.Core.Documents;
using RagAssistant.Ingestion.Readers.Pdf;
using UglyToad.PdfPig.Content;

namespace RagAssistant.Ingestion.Tests;

/// <summary>
/// Issue #21's bad input for the PDF table recogniser, each read through the real <see cref="PdfReader"/> under the
/// product's default per-document limits (<see cref="IngestionOptions"/>): a drawing of tens of thousands of strokes, a
/// 5,000-row table, rotated pages, doubled rules, text in a table's box but in no cell, a table in one column of a
/// two-column page. Each must end within the budget and lose no text: a word that fits no cell joins its row's text,
/// and what is not in a table stays in prose.
/// </summary>
public class PdfTableBadInputTests
{
    [Fact]
    public void Drawing_OfThirtyThousandStrokes_ReadsWithinTheBudget_KeepsEveryLabel_AndInventsNoTable()
    {
        string[] labels =
        [
            "Main hydraulic pump P1", "Relief valve 12 MPa", "Return filter F2", "Accumulator A1",
            "Spindle motor M3", "Coolant tank 80 L", "Pressure switch S4", "Chuck cylinder C1",
        ];
        using var pdf = new RuledTestPdf();
        var page = pdf.AddPage();
        var clear = new List<(double Left, double Bottom, double Right, double Top)>();
        for (var i = 0; i < labels.Length; i++)
        {
            // One label a line, 85 pt apart: alignment alone makes no table of them.
            double x = 60 + i % 3 * 170, y = 760 - i * 85;
            pdf.Text(page, labels[i], x, y);
            clear.Add((x - 3, y - 5, x + 6 * labels[i].Length + 3, y + 12));
        }
        // 30,000 strokes of 1-6 pt, a third horizontal, a third vertical, a third at any angle, everywhere on the page
        // but across a label (a drawing's labels stand in clear space; a stroke through a word is not the case here).
        RuledTestPdf.LineWidth(page, 0.3);
        var random = new Random(21);
        for (var drawn = 0; drawn < 30_000;)
        {
            double x0 = 40 + random.NextDouble() * 515, y0 = 40 + random.NextDouble() * 760, length = 1 + random.NextDouble() * 5;
            var angle = (drawn % 3) switch { 0 => 0, 1 => Math.PI / 2, _ => random.NextDouble() * Math.PI };
            double x1 = x0 + length * Math.Cos(angle), y1 = y0 + length * Math.Sin(angle);
            if (clear.Any(b => Math.Max(x0, x1) > b.Left && Math.Min(x0, x1) < b.Right && Math.Max(y0, y1) > b.Bottom && Math.Min(y0, y1) < b.Top)) continue;
            RuledTestPdf.Line(page, x0, y0, x1, y1);
            drawn++;
        }

        var bytes = pdf.Build();
        using (var written = UglyToad.PdfPig.PdfDocument.Open(bytes))
            Assert.Equal(30_000, written.GetPage(1).Paths.Count); // the premise: PdfPig sees every stroke as a path

        var doc = Read(bytes);

        AssertHasEveryWord(doc, labels);
        // The strokes are no table. A few of them may by chance close a box around a label, so a tiny table (a 2 × 2
        // at most) is tolerated; a reader that takes the strokes for rules would build tables of hundreds of cells.
        var cells = doc.Blocks.OfType<TableBlock>().Sum(t => t.Header.Count + t.Rows.Sum(r => r.Cells.Count));
        Assert.True(cells <= 4, $"{cells} table cells invented from a drawing: {Describe(doc)}");
    }

    [Fact]
    public void FiveThousandRowTable_OverOneHundredPages_KeepsEveryRowOnce_WithinTheBudget()
    {
        const int rowCount = 5_000, perPage = 50;
        string[] header = ["Part no.", "Description", "Qty"];
        static string[] Row(int i) => [$"P{i:D5}", $"Shaft journal {i}", (i * 37 % 1000).ToString(System.Globalization.CultureInfo.InvariantCulture)];
        double[] xs = [60, 160, 400, 535];
        using var pdf = new RuledTestPdf();
        for (var first = 1; first <= rowCount; first += perPage)
        {
            // Each page: the header repeated, then 50 rows, every row ruled, the columns ruled (lines, not boxes).
            var page = pdf.AddPage();
            var rows = new List<string[]> { header };
            rows.AddRange(Enumerable.Range(first, perPage).Select(Row));
            var ys = Enumerable.Range(0, rows.Count + 1).Select(k => 800.0 - k * 14).ToArray();
            RuledTestPdf.Grid(page, xs, ys);
            pdf.Cells(page, xs, ys, rows);
        }

        var doc = Read(pdf.Build());

        Assert.Equal(rowCount / perPage, doc.Pages);
        // Joined into one table or left one per page: either way every data row once, in order, each cell in its place.
        var tables = doc.Blocks.OfType<TableBlock>().ToList();
        Assert.NotEmpty(tables);
        Assert.All(tables, t => Assert.Equal(header, t.Header));
        var rowsRead = tables.SelectMany(t => t.Rows).Select(r => string.Join(" | ", r.Cells)).ToList();
        var expected = Enumerable.Range(1, rowCount).Select(i => string.Join(" | ", Row(i))).ToList();
        var missing = expected.Except(rowsRead).ToList();
        var extra = rowsRead.Except(expected).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0 && rowsRead.Count == rowCount,
            $"{rowsRead.Count} rows read in {tables.Count} table(s); {missing.Count} expected rows missing (first: {string.Join(" / ", missing.Take(3))}); "
            + $"{extra.Count} rows not expected (first: {string.Join(" / ", extra.Take(3))})\n{Describe(doc)}");
        Assert.Equal(expected, rowsRead);
        Assert.DoesNotContain(doc.Blocks.OfType<ParagraphBlock>(), p => p.Text.Contains("Shaft journal", StringComparison.Ordinal));
    }

    [Fact]
    public void PageWithRotate90_IsReadLikeAnUprightPage_WithItsTable()
    {
        string[] prose = ["Landscape appendix for the turret", "Torque values are listed below"];
        string[][] rows = [["Size", "Torque"], ["M8", "25 Nm"], ["M10", "49 Nm"]];
        using var pdf = new RuledTestPdf();
        // /Rotate 90, the content written upright in the page's own coordinates (the viewer turns it).
        var page = pdf.AddPage();
        page.SetRotation(new PageRotationDegrees(90));
        pdf.Text(page, prose[0], 60, 780);
        pdf.Text(page, prose[1], 60, 760);
        double[] xs = [60, 160, 300], ys = [740, 722, 704, 686];
        RuledTestPdf.Grid(page, xs, ys);
        pdf.Cells(page, xs, ys, rows);

        var doc = Read(pdf.Build());

        Assert.Empty(doc.Warnings);
        var read = Assert.Single(doc.PageDetails);
        Assert.Equal(PageStatus.Text, read.Status);
        // Shown a quarter turn clockwise, the text reads upright turned back by 270°; its boxes stay where it is written.
        Assert.Equal(270, read.Rotation);
        Assert.Contains(doc.Blocks.OfType<ParagraphBlock>().SelectMany(p => p.Boxes ?? []), b => b.Left >= 59 && b.Bottom >= 775 && b.Top <= 795);
        AssertHasEveryWord(doc, [.. prose, .. rows.SelectMany(r => r)]);
        // The content stream is an ordinary page's: its ruled table is found as on any page.
        var table = Assert.Single(doc.Blocks.OfType<TableBlock>());
        Assert.Equal(rows[0], table.Header);
        Assert.Equal(rows.Skip(1).Select(r => string.Join(" | ", r)), table.Rows.Select(r => string.Join(" | ", r.Cells)));
    }

    [Fact]
    public void TextDrawnSideways_IsRead_WithItsWords()
    {
        string[] lines = ["Wiring diagram legend printed sideways", "Terminal X2 feeds the coolant pump"];
        using var pdf = new RuledTestPdf();
        // No /Rotate: the text itself drawn a quarter turn (reads bottom to top), two lines side by side.
        var page = pdf.AddPage();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            RuledTestPdf.QuarterTurned(page, 120 + i * 16, 100, () => pdf.Text(page, line, 0, 0));
        }

        var doc = Read(pdf.Build());

        Assert.Empty(doc.Warnings);
        var details = Assert.Single(doc.PageDetails);
        Assert.Equal(PageStatus.Text, details.Status);
        AssertHasEveryWord(doc, lines);
        // Read in the text's own frame, the page records the turn that shows it upright, and the boxes are back on the
        // page where the lines stand: x 100–140, rising from y 100 (an A4 page is 595 × 842).
        Assert.Equal(90, details.Rotation);
        var boxes = doc.Blocks.OfType<ParagraphBlock>().SelectMany(p => p.Boxes ?? []).ToList();
        Assert.NotEmpty(boxes);
        Assert.All(boxes, b => Assert.True(b.Left >= 90 && b.Right <= 150 && b.Bottom >= 95 && b.Top <= 842 && b.Top - b.Bottom > b.Right - b.Left, $"{b}"));
    }

    private static readonly string[][] AlarmTable =
    [
        ["Code", "Message", "Cause", "Remedy"],
        ["1001", "Spindle overload", "Cutting load too high", "Reduce the feed"],
        ["1002", "Coolant low", "", "Fill the tank"],
        ["2001", "Door open", "Interlock switch", "Close the door"],
    ];

    private static readonly double[] AlarmXs = [60, 110, 230, 380, 535];
    private static readonly double[] AlarmYs = [700, 682, 664, 646, 628];

    [Fact]
    public void DoubledRules_OffsetByAFractionOfAPoint_GiveOnlyTheRealColumns()
    {
        using var pdf = new RuledTestPdf();
        var page = pdf.AddPage();
        RuledTestPdf.Grid(page, AlarmXs, AlarmYs, doubled: 0.3);
        pdf.Cells(page, AlarmXs, AlarmYs, AlarmTable);

        var doc = Read(pdf.Build());

        AssertIsAlarmTable(doc);
    }

    [Fact]
    public void CellsDrawnAsFilledAndStrokedBoxes_GiveOnlyTheRealColumns()
    {
        using var pdf = new RuledTestPdf();
        var page = pdf.AddPage();
        // Each cell its own shaded box, as word processors write them: the header's as one fill-and-stroke path
        // (re B), the body's as a fill (re f) then a border (re S). Every inner border is drawn by both neighbours.
        page.SetTextAndFillColor(230, 230, 230);
        for (var r = 0; r < AlarmYs.Length - 1; r++)
            for (var c = 0; c < AlarmXs.Length - 1; c++)
            {
                double left = AlarmXs[c], bottom = AlarmYs[r + 1], width = AlarmXs[c + 1] - left, height = AlarmYs[r] - bottom;
                if (r == 0) RuledTestPdf.Box(page, left, bottom, width, height, stroke: true, fill: true);
                else
                {
                    RuledTestPdf.Box(page, left, bottom, width, height, stroke: false, fill: true);
                    RuledTestPdf.Box(page, left, bottom, width, height, stroke: true, fill: false);
                }
            }
        // The outer border once more, 0.3 pt out (a table border drawn over the cells' own).
        RuledTestPdf.Box(page, AlarmXs[0] - 0.3, AlarmYs[^1] - 0.3, AlarmXs[^1] - AlarmXs[0] + 0.6, AlarmYs[0] - AlarmYs[^1] + 0.6, stroke: true, fill: false);
        page.ResetColor();
        pdf.Cells(page, AlarmXs, AlarmYs, AlarmTable);

        var doc = Read(pdf.Build());

        AssertIsAlarmTable(doc);
    }

    [Fact]
    public void NoteInsideTheTableBox_BelowTheInnerRules_IsKept()
    {
        string[][] rows = [["Part", "Feature", "Tolerance"], ["JD-2103", "Journal roundness", "0.004"], ["JD-2108", "Spline runout", "0.010"]];
        const string note = "Note: tolerances apply at 20 degrees after stress relief";
        double[] xs = [60, 180, 330, 535];
        double[] ys = [700, 682, 664, 646];
        using var pdf = new RuledTestPdf();
        var page = pdf.AddPage();
        // Rules under the header and the first row only; the columns' rules stop at the last row's foot, and the
        // outer box runs on 30 pt lower around a note that lies in no cell.
        foreach (var y in ys[..^1]) RuledTestPdf.Line(page, xs[0], y, xs[^1], y);
        foreach (var x in xs[1..^1]) RuledTestPdf.Line(page, x, ys[0], x, ys[^1]);
        RuledTestPdf.Box(page, xs[0], ys[^1] - 30, xs[^1] - xs[0], ys[0] - ys[^1] + 30, stroke: true, fill: false);
        pdf.Cells(page, xs, ys, rows);
        pdf.Text(page, note, xs[0] + 4, ys[^1] - 20);

        var doc = Read(pdf.Build());

        AssertHasEveryWord(doc, [.. rows.SelectMany(r => r), note]);
        var table = Assert.Single(doc.Blocks.OfType<TableBlock>());
        Assert.Equal(rows[0], table.Header);
        Assert.Equal(2, table.Rows.Count);
        Assert.Equal(rows[1], table.Rows[0].Cells);
        // The note may have joined the last row's text (in whichever cell); the row's own values stay in their cells.
        for (var c = 0; c < rows[2].Length; c++) Assert.Contains(rows[2][c], table.Rows[1].Cells[c], StringComparison.Ordinal);
    }

    [Fact]
    public void WordAcrossAColumnRule_FitsNoCell_AndJoinsItsRowsText()
    {
        string[][] rows = [["Step", "Operation", "Tool", "Check"], ["10", "Rough turn", "VNMG insert", "Diameter"], ["20", "", "", "Runout"]];
        // Step 20's operation overflows its cell, across the rule at x = 230 into the (empty) tool cell.
        const string overflow = "Grinding wheel dressing interval";
        double[] xs = [60, 120, 230, 330, 470];
        double[] ys = [700, 682, 664, 646];
        using var pdf = new RuledTestPdf();
        var page = pdf.AddPage();
        RuledTestPdf.Grid(page, xs, ys);
        pdf.Cells(page, xs, ys, rows);
        pdf.Text(page, overflow, xs[1] + 4, ys[3] + 4);

        var doc = Read(pdf.Build());

        AssertHasEveryWord(doc, [.. rows.SelectMany(r => r), overflow]);
        var table = Assert.Single(doc.Blocks.OfType<TableBlock>());
        Assert.Equal(rows[0], table.Header);
        Assert.Equal(rows[1], table.Rows[0].Cells);
        var last = Assert.Single(table.Rows, r => r.Cells[0] == "20");
        var rowWords = Words(string.Join(" ", last.Cells)).ToHashSet(StringComparer.Ordinal);
        Assert.All(Words(overflow + " Runout"), w => Assert.Contains(w, rowWords));
    }

    [Fact]
    public void TableInOneColumnOfATwoColumnPage_ProseReadsInOrderOnBothSides_AndTheCellsAreFound()
    {
        var left = ProseLines(20, seed: 1);
        var right = ProseLines(12, seed: 2);
        string[][] rows = [["Interval", "Task"], ["Daily", "Check the oil level"], ["Weekly", "Clean the return filter"]];
        using var pdf = new RuledTestPdf();
        var page = pdf.AddPage();
        for (var i = 0; i < left.Count; i++) pdf.Text(page, left[i], 50, 780 - i * 11.5, size: 9);
        // The right column (text from x = 305): a ruled 2 × 3 table with its border on the column's edge, then prose.
        double[] xs = [305, 380, 545];
        double[] ys = [789, 771, 753, 735];
        RuledTestPdf.Grid(page, xs, ys);
        pdf.Cells(page, xs, ys, rows, size: 9);
        for (var i = 0; i < right.Count; i++) pdf.Text(page, right[i], 305, 712 - i * 11.5, size: 9);

        var doc = Read(pdf.Build());

        AssertHasEveryWord(doc, [.. left, .. right, .. rows.SelectMany(r => r)]);
        var table = Assert.Single(doc.Blocks.OfType<TableBlock>());
        Assert.Equal(rows[0], table.Header);
        Assert.Equal(rows.Skip(1).Select(r => string.Join(" | ", r)), table.Rows.Select(r => string.Join(" | ", r.Cells)));
        // Reading order: the left column's prose, line by line; then the right column: its table, then its prose.
        var prose = doc.Blocks.Select((b, i) => (Block: b, Index: i)).Where(x => x.Block is ParagraphBlock).ToList();
        var text = string.Join("\n", prose.Select(x => ((ParagraphBlock)x.Block).Text));
        var at = 0;
        foreach (var line in left.Concat(right))
        {
            var found = text.IndexOf(line, at, StringComparison.Ordinal);
            Assert.True(found >= 0, $"\"{line}\" is not found whole, after the lines before it, in the prose:\n{text}");
            at = found + line.Length;
        }
        var tableIndex = doc.Blocks.ToList().IndexOf(table);
        var lastLeft = prose.Last(x => ((ParagraphBlock)x.Block).Text.Contains(left[^1], StringComparison.Ordinal)).Index;
        var firstRight = prose.First(x => ((ParagraphBlock)x.Block).Text.Contains(right[0], StringComparison.Ordinal)).Index;
        Assert.True(lastLeft < tableIndex && tableIndex < firstRight,
            $"blocks out of order: left prose ends at {lastLeft}, the table at {tableIndex}, right prose starts at {firstRight}");
    }

    [Fact]
    public void TwoColumnsOfProseRightUnderAListing_AreReadColumnByColumn_NotAsRowsOfTheListing()
    {
        string[][] listing =
        [
            ["SEND_IT:", "MOV", "LOOPCOUNT,#8", ";Shift 8 bits"], ["BYTESWAP:", "MOV", "A,SHIFTREG", ";Get source byte"],
            ["", "RLC", "A", ";rotate MSB to carry"], ["", "MOV", "SHIFTREG,A", ";Save new source byte"],
            ["", "MOV", "A,SENDBYTE", ";get destination byte"], ["", "RRC", "A", ";Move carry into MSB"],
            ["", "DJNZ", "LOOPCOUNT,BYTESWAP", ";Done?"], ["", "RET", "", ";Return"],
        ];
        double[] at = [50, 130, 190, 330];
        var left = ProseLines(9, seed: 3);
        var right = ProseLines(9, seed: 4);
        using var pdf = new RuledTestPdf();
        var page = pdf.AddPage();
        var y = 780.0;
        foreach (var row in listing)
        {
            for (var c = 0; c < row.Length; c++)
                if (row[c].Length > 0) pdf.Text(page, row[c], at[c], y, size: 9);
            y -= 11.5;
        }
        // The page's two columns of running text begin right under the listing, as close as its own lines.
        for (var i = 0; i < left.Count; i++)
        {
            pdf.Text(page, left[i], 50, y, size: 9);
            pdf.Text(page, right[i], 305, y, size: 9);
            y -= 11.5;
        }

        var doc = Read(pdf.Build());

        AssertHasEveryWord(doc, [.. left, .. right, .. listing.SelectMany(r => r)]);
        var table = Assert.Single(doc.Blocks.OfType<TableBlock>());
        var cells = string.Join(" ", table.Header.Concat(table.Rows.SelectMany(r => r.Cells)));
        Assert.DoesNotContain(left[0], cells);
        Assert.DoesNotContain(right[0], cells);
        var text = string.Join("\n", doc.Blocks.OfType<ParagraphBlock>().Select(p => p.Text));
        var place = 0;
        foreach (var line in left.Concat(right))
        {
            var found = text.IndexOf(line, place, StringComparison.Ordinal);
            Assert.True(found >= 0, $"\"{line}\" is not found whole, after the lines before it, in the prose:\n{text}");
            place = found + line.Length;
        }
    }

    private static void AssertIsAlarmTable(ParsedDocument doc)
    {
        AssertHasEveryWord(doc, AlarmTable.SelectMany(r => r));
        var table = Assert.Single(doc.Blocks.OfType<TableBlock>());
        Assert.Equal(AlarmTable[0], table.Header);
        // Exactly four cells a row (no empty phantom column between a rule and its double), the empty cell in its place.
        Assert.Equal(AlarmTable.Skip(1).Select(r => string.Join(" | ", r)), table.Rows.Select(r => string.Join(" | ", r.Cells)));
    }

    /// <summary>
    /// Reads the PDF with the product's default per-document time budget and memory ceiling; the guard checks them
    /// between pages, and once more at the end, so a page that alone ran past the budget fails the test as it would
    /// fail the file in the pipeline.
    /// </summary>
    private static ParsedDocument Read(byte[] pdf)
    {
        var defaults = new IngestionOptions();
        var guard = new ReadGuard(TimeSpan.FromSeconds(defaults.DocumentTimeoutSeconds), defaults.MaxDocumentMemoryBytes);
        var input = ReaderTestInput.For("bad-input.pdf", pdf) with { Guard = guard };
        var doc = new PdfReader(NullLogger<PdfReader>.Instance).Read(input, CancellationToken.None);
        guard.Check("the end of the document");
        return doc;
    }

    /// <summary>Every piece of text the reader kept: title, headings, paragraphs, table captions, headers and cells, records.</summary>
    private static string AllText(ParsedDocument doc)
    {
        var parts = new List<string>();
        if (doc.Title is not null) parts.Add(doc.Title);
        foreach (var block in doc.Blocks)
        {
            switch (block)
            {
                case HeadingBlock h: parts.Add(h.Text); break;
                case ParagraphBlock p: parts.Add(p.Text); break;
                case RecordBlock r: parts.Add(r.Text); break;
                case TableBlock t:
                    if (t.Caption is not null) parts.Add(t.Caption);
                    parts.AddRange(t.Header);
                    parts.AddRange(t.Rows.SelectMany(r => r.Cells));
                    break;
            }
        }
        return string.Join("\n", parts);
    }

    /// <summary>Every word (run of letters and digits) of <paramref name="drawn"/> is a word of the parsed text.</summary>
    private static void AssertHasEveryWord(ParsedDocument doc, IEnumerable<string> drawn)
    {
        var found = Words(AllText(doc)).ToHashSet(StringComparer.Ordinal);
        var missing = drawn.SelectMany(Words).Distinct().Where(w => !found.Contains(w)).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} word(s) drawn but not read: {string.Join(", ", missing.Take(20))}\n{Describe(doc)}");
    }

    private static IEnumerable<string> Words(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inWord && start < 0) start = i;
            else if (!inWord && start >= 0)
            {
                yield return text[start..i];
                start = -1;
            }
        }
    }

    /// <summary>The blocks, one a line and cut short, for a failure message.</summary>
    private static string Describe(ParsedDocument doc) => string.Join("\n", doc.Blocks.Take(40).Select(b => b switch
    {
        TableBlock t => $"[table p{t.Page}: {t.Header.Count} cols, {t.Rows.Count} rows] {string.Join(" | ", t.Header)} / "
                        + string.Join(" / ", t.Rows.Take(3).Select(r => string.Join(" | ", r.Cells))),
        ParagraphBlock p => $"[p{p.Page}] {Cut(p.Text)}",
        HeadingBlock h => $"[h{h.Level} p{h.Page}] {Cut(h.Text)}",
        _ => b.ToString()!,
    }));

    private static string Cut(string s) => s.Length > 160 ? s[..160] + "…" : s;

    /// <summary>Lines of pseudo-prose that fill a 240 pt column at 9 pt (about 50 characters), a paragraph ending in a full stop.</summary>
    private static List<string> ProseLines(int count, int seed)
    {
        string[] words =
        [
            "spindle", "bearing", "coolant", "turret", "chuck", "pressure", "lubrication", "guideway", "feed", "surface",
            "operator", "maintenance", "filter", "shaft", "journal", "insert", "tool", "wear", "interval", "servo",
        ];
        var random = new Random(seed);
        var lines = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var line = new System.Text.StringBuilder();
            while (line.Length < 44) line.Append(line.Length == 0 ? "" : " ").Append(words[random.Next(words.Length)]);
            lines.Add(i == count - 1 ? line + "." : line.ToString());
        }
        return lines;
    }
}
