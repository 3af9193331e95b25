namespace RagAssistant.Ingestion.Benchmarks;

/// <summary>A line of text with its box in PDF points (y up), from the text layer or from OCR.</summary>
public sealed record BoxedText(string Text, double Left, double Bottom, double Right, double Top)
{
    public double Width => Right - Left;
    public double Height => Top - Bottom;
}

/// <summary>
/// Text-layer lines and the OCR lines that read them, joined by box overlap: a reference line and an OCR line belong
/// together when their boxes overlap by at least half the smaller one's height and by at least half the smaller one's
/// width. Both sides cut lines at wide gaps, but not always at the same ones (an OCR line may run over two table cells,
/// or stop at a gap the text layer bridges), so a match is a connected group, not a pair: every reference line and OCR
/// line reachable through overlaps, each side's texts read in order (rows top to bottom, left to right within a row)
/// and compared as one. A group without OCR lines is a reference line nobody read (its characters count as deletions);
/// one without reference lines is text OCR found where the text layer has none (reported, not counted).
/// </summary>
public static class OcrLineMatcher
{
    /// <summary>Least overlap, as a share of the smaller box's height and width, for two lines to be one match.</summary>
    public const double MinOverlap = 0.5;

    public static IReadOnlyList<LineMatch> Match(IReadOnlyList<BoxedText> reference, IReadOnlyList<BoxedText> ocr)
    {
        // Union-find over reference lines 0..r-1 and OCR lines r..r+o-1.
        var parent = Enumerable.Range(0, reference.Count + ocr.Count).ToArray();
        for (var i = 0; i < reference.Count; i++)
            for (var j = 0; j < ocr.Count; j++)
                if (Overlaps(reference[i], ocr[j])) Union(i, reference.Count + j);

        return Enumerable.Range(0, parent.Length)
            .GroupBy(Find)
            .Select(g => new LineMatch(
                ReadingOrder(g.Where(k => k < reference.Count).Select(k => reference[k])),
                ReadingOrder(g.Where(k => k >= reference.Count).Select(k => ocr[k - reference.Count]))))
            .OrderByDescending(m => (m.Reference.Count > 0 ? m.Reference : m.Ocr)[0].Top)
            .ToList();

        int Find(int k)
        {
            while (parent[k] != k) k = parent[k] = parent[parent[k]];
            return k;
        }

        void Union(int a, int b) => parent[Find(a)] = Find(b);
    }

    /// <summary>Whether two boxes overlap by <see cref="MinOverlap"/> of the smaller one's height and width.</summary>
    public static bool Overlaps(BoxedText a, BoxedText b)
    {
        var vertical = Math.Min(a.Top, b.Top) - Math.Max(a.Bottom, b.Bottom);
        var horizontal = Math.Min(a.Right, b.Right) - Math.Max(a.Left, b.Left);
        return vertical > 0 && horizontal > 0
               && vertical >= MinOverlap * Math.Min(a.Height, b.Height)
               && horizontal >= MinOverlap * Math.Min(a.Width, b.Width);
    }

    /// <summary>Rows top to bottom (a line whose middle lies within the row's first line joins it), left to right in a row.</summary>
    private static List<BoxedText> ReadingOrder(IEnumerable<BoxedText> lines)
    {
        var rows = new List<List<BoxedText>>();
        foreach (var line in lines.OrderByDescending(l => (l.Top + l.Bottom) / 2))
        {
            var middle = (line.Top + line.Bottom) / 2;
            if (rows.Count > 0 && middle >= rows[^1][0].Bottom && middle <= rows[^1][0].Top) rows[^1].Add(line);
            else rows.Add([line]);
        }
        return rows.SelectMany(r => r.OrderBy(l => l.Left)).ToList();
    }
}

/// <summary>One group of <see cref="OcrLineMatcher.Match"/>: reference and OCR lines in reading order (either side may be empty).</summary>
public sealed record LineMatch(IReadOnlyList<BoxedText> Reference, IReadOnlyList<BoxedText> Ocr)
{
    public string ReferenceText => string.Join(' ', Reference.Select(l => l.Text));
    public string OcrText => string.Join(' ', Ocr.Select(l => l.Text));
}
