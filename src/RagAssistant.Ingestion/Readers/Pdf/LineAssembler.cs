using System.Text;
using UglyToad.PdfPig.Core;
using RagAssistant.Core.Text;
using UglyToad.PdfPig.Content;

namespace RagAssistant.Ingestion.Readers.Pdf;

/// <summary>
/// Letters → rows → segments, in O(n log n) (no pairwise distance search, which is what makes the layout analysers
/// slow): letters are sorted by baseline and clustered into rows (baselines within 0.4 of the font size), each row is
/// sorted left to right, glyphs overprinted at the same spot ("fake bold" drawn several times) are dropped, and the row
/// is cut into segments at gaps wider than <see cref="SegmentGapEm"/> font sizes or at a vertical ruling line.
/// A space is inserted where the gap exceeds <see cref="WordGapEm"/>, never between two CJK characters.
/// Letters are read in the page's frame (<see cref="PageFrame"/>: the direction most of its text runs in, so a page
/// turned by /Rotate reads like an upright one); letters running another way are read in their own direction.
/// </summary>
internal static class LineAssembler
{
    /// <summary>Justified prose stretches word gaps to about 0.6 em; table cells and columns sit further apart.</summary>
    public const double SegmentGapEm = 1.2;

    /// <summary>A gap of a fifth of the font size is a word space (a thin space is about 0.17 em).</summary>
    public const double WordGapEm = 0.2;

    private readonly struct Glyph(string value, double x0, double x1, double y, double size, bool bold)
    {
        public string Value { get; } = value;
        public double X0 { get; } = x0;
        public double X1 { get; } = x1;
        public double Y { get; } = y;
        public double Size { get; } = size;
        public bool Bold { get; } = bold;
    }

    /// <param name="otherDirections">Whether letters running another way than <paramref name="frame"/> are read too (placed
    /// below the page's own text); false leaves them out (the OCR benchmark compares lines by where they are).</param>
    public static List<List<TextSegment>> Rows(Page page, PageFrame frame, VerticalRules rules, bool otherDirections = true)
    {
        // Letters by the direction they run in: the page's own (its frame) first, then any other (sideways labels).
        var groups = new Dictionary<PageFrame, List<Glyph>>();
        string? lastFont = null;
        var lastBold = false;
        foreach (var letter in page.Letters)
        {
            var value = letter.Value;
            // Spaces and zero-width spaces (some generators put U+200B between words) only mark a gap.
            if (string.IsNullOrEmpty(value) || (value.Length == 1 && (char.IsWhiteSpace(value[0]) || PdfText.IsInvisible(value[0])))) continue;
            var direction = PageFrame.Of(letter);
            var size = letter.PointSize > 0.5 ? letter.PointSize : Math.Max(1, Math.Min(letter.BoundingBox.Height, letter.BoundingBox.Width));
            var (x0, y) = direction.Map(letter.StartBaseLine);
            var (x1, _) = direction.Map(letter.EndBaseLine);
            if (x1 <= x0) x1 = x0 + size * 0.3;
            if (!ReferenceEquals(letter.FontName, lastFont))
            {
                lastFont = letter.FontName;
                lastBold = lastFont is not null && (lastFont.Contains("Bold", StringComparison.OrdinalIgnoreCase)
                                                   || lastFont.Contains("Heavy", StringComparison.OrdinalIgnoreCase)
                                                   || lastFont.Contains("Black", StringComparison.OrdinalIgnoreCase));
            }
            if (!groups.TryGetValue(direction, out var glyphs)) groups[direction] = glyphs = [];
            glyphs.Add(new Glyph(value, x0, x1, y, size, lastBold));
        }

        var rows = groups.TryGetValue(frame, out var upright) ? RowsOf(upright, rules) : [];
        // Text running another way is read in its own direction, word spaces and all, and placed after the page's
        // own text (below its lowest line), so it is neither lost nor interleaved with it.
        var floor = rows.Count > 0 ? rows.Min(r => r.Min(s => s.Bottom)) : frame.Map(new PdfPoint(page.MediaBox.Bounds.Left, page.MediaBox.Bounds.Bottom)).Y;
        foreach (var (direction, glyphs) in groups)
        {
            if (direction == frame || !otherDirections) continue;
            var other = RowsOf(glyphs, VerticalRules.None);
            if (other.Count == 0) continue;
            var shift = floor - other.Max(r => r.Max(s => s.Top)) - 12;
            foreach (var row in other)
                rows.Add(row.Select(s => s with { Bottom = s.Bottom + shift, Top = s.Top + shift }).ToList());
            floor = rows[^1].Min(s => s.Bottom);
        }
        return rows;
    }

    private static List<List<TextSegment>> RowsOf(List<Glyph> glyphs, VerticalRules rules)
    {
        var rows = new List<List<Glyph>>();
        if (glyphs.Count > 0)
        {
            glyphs.Sort((a, b) => b.Y.CompareTo(a.Y));
            var start = 0;
            for (var i = 1; i <= glyphs.Count; i++)
            {
                if (i < glyphs.Count && glyphs[start].Y - glyphs[i].Y <= 0.4 * Math.Max(glyphs[start].Size, glyphs[i].Size)) continue;
                rows.Add(glyphs.GetRange(start, i - start));
                start = i;
            }
        }
        JoinRaisedAndLoweredMarks(rows);
        return rows.Select(row =>
        {
            row.Sort((a, b) => a.X0.CompareTo(b.X0));
            return Segments(row, rules);
        }).ToList();
    }

    /// <summary>
    /// A row of a few small characters set just above or below the next row's text and right after one of its glyphs —
    /// the 2 of cm², the −1 of s⁻¹, the 4 of H₂SO₄ — is raised or lowered too far to share its baseline: it joins that row
    /// (where it stood, it was a row of its own: a table's header "icorr (A/cm )" under a line holding only "2").
    /// </summary>
    private static void JoinRaisedAndLoweredMarks(List<List<Glyph>> rows)
    {
        for (var r = 0; r < rows.Count; r++)
        {
            var marks = rows[r];
            if (marks.Count > MaxMarkGlyphs || !marks.All(g => g.Value.Length == 1 && MarkCharacters.Contains(g.Value[0]))) continue;
            foreach (var target in new[] { r + 1, r - 1 })
            {
                if (target < 0 || target >= rows.Count || rows[target].Count <= MaxMarkGlyphs) continue;
                var text = rows[target];
                var size = text.Max(g => g.Size);
                var offset = Math.Min(Math.Abs(marks[0].Y - text.Min(g => g.Y)), Math.Abs(marks[0].Y - text.Max(g => g.Y)));
                if (marks.Max(g => g.Size) > MarkSizeRatio * size || offset > MarkOffsetEm * size) continue;
                // Each mark stands right after a glyph of the text (a small gap at most), not over a space of its own.
                if (!marks.All(m => text.Any(g => m.X0 - g.X1 > -0.1 * size && m.X0 - g.X1 < MarkGapEm * size && g.Value.Any(char.IsLetterOrDigit)))) continue;
                text.AddRange(marks);
                rows.RemoveAt(r--);
                break;
            }
        }
    }

    private const int MaxMarkGlyphs = 3;
    private const double MarkSizeRatio = 0.85;
    private const double MarkOffsetEm = 0.8;
    private const double MarkGapEm = 0.25;
    private static readonly HashSet<char> MarkCharacters = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '-', '−', '+', '*', '†'];

    private static List<TextSegment> Segments(List<Glyph> row, VerticalRules rules)
    {
        var segments = new List<TextSegment>(2);
        var text = new StringBuilder();
        Glyph first = row[0], previous = row[0];
        double maxSize = first.Size, bottomY = first.Y, topY = first.Y;
        var bold = true;
        var kept = 0;
        for (var i = 0; i < row.Count; i++)
        {
            var g = row[i];
            if (kept > 0)
            {
                // The same glyph drawn again on (nearly) the same spot: fake bold or a shadow, not text.
                // (Offsets are a fraction of the glyph's own width; "ll" in "will" is a full advance apart.)
                if (g.Value == previous.Value && Math.Abs(g.X0 - previous.X0) < 0.3 * (previous.X1 - previous.X0)
                    && Math.Abs(g.Y - previous.Y) < 0.1 * g.Size) continue;
                var gap = g.X0 - previous.X1;
                var em = Math.Max(g.Size, previous.Size);
                // A bullet stands before its item's text, however far: the two are one line, not two cells.
                var afterBullet = text.Length == 1 && IsBullet(text[0]) && gap < 6 * em;
                if (!afterBullet && (gap > SegmentGapEm * em || (gap > 0.5 && rules.Between(previous.X1, g.X0, g.Y))))
                {
                    Flush();
                    first = g;
                }
                else if (gap > WordGapEm * em && !(IsCjkEnd(previous.Value) && IsCjkStart(g.Value)))
                {
                    text.Append(' ');
                }
            }
            if (text.Length == 0) { maxSize = g.Size; bottomY = g.Y; topY = g.Y; bold = true; first = g; }
            text.Append(g.Value);
            maxSize = Math.Max(maxSize, g.Size);
            bottomY = Math.Min(bottomY, g.Y);
            topY = Math.Max(topY, g.Y);
            bold &= g.Bold;
            previous = g;
            kept++;
        }
        Flush();
        return segments;

        void Flush()
        {
            if (text.Length == 0) return;
            var clean = PdfText.Clean(text.ToString()).Trim();
            // Descenders reach about 0.22 em below the baseline, capitals and CJK about 0.8 em above it.
            if (clean.Length > 0)
                segments.Add(new TextSegment(clean, first.X0, bottomY - 0.22 * maxSize, previous.X1, topY + 0.8 * maxSize, maxSize, bold));
            text.Clear();
        }
    }

    private static bool IsBullet(char c) => c is '•' or '▪' or '●' or '○' or '◦' or '■' or '□' or '◆' or '◇' or '►' or '▶' or '➢' or '✓' or '\uF0B7';

    private static bool IsCjkEnd(string value) => value.Length > 0 && IsCjkLike(value[^1]);

    private static bool IsCjkStart(string value) => value.Length > 0 && IsCjkLike(value[0]);

    /// <summary>CJK ideographs and CJK punctuation/full-width forms: no spaces between them.</summary>
    private static bool IsCjkLike(char c) => CjkText.IsCjk(c) || c is >= '\u3000' and <= '\u303F' or >= '\uFF00' and <= '\uFFEF' or >= '\u2E80' and <= '\u2FDF';
}
