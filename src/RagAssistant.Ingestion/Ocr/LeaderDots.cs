using SkiaSharp;

namespace RagAssistant.Ingestion.Ocr;

/// <summary>
/// The dot leaders of a contents page or a label/value list ("1 Safety ........ 3"), read off the bitmap: the PP-OCR
/// detector does not box a row of small dots, so OCR reads the entry and its page number and loses what joins them.
/// Only the gap between two boxes standing on one text line is looked at: in its baseline band (the lower part of the
/// line's height) the dark pixels are split into connected blobs, and a run of at least <see cref="MinDots"/> small,
/// round, same-sized blobs at a regular pitch is a leader. It becomes a line of its own between the two boxes, with
/// one '.' per dot — counted as the run's length over its pitch plus one, so a dot lost to a faint scan still counts.
/// A dashed rule (long blobs), an underline (one blob), specks of different sizes or at an irregular pitch are not leaders.
/// </summary>
internal static class LeaderDots
{
    /// <summary>Fewest dots that make a leader: two dots are an ellipsis's worth, or a pair of specks.</summary>
    public const int MinDots = 3;

    /// <summary>Darkest a background pixel may be (mean of R, G, B): a dot's anti-aliased core is darker.</summary>
    private const int DarkBelow = 160;

    /// <summary>Largest dot side as a share of the line's box height: a period is about a tenth of the em, the box about 1.3 em.</summary>
    private const double MaxDotShare = 0.3;

    /// <summary>How far a gap between two dots may stray from a whole number of pitches, as a share of the pitch.</summary>
    private const double PitchTolerance = 0.25;

    /// <summary>Least share of the gap a leader spans (the rest is the space typeset around it and the boxes' margins).</summary>
    private const double MinSpan = 0.5;

    /// <summary>Most pitches between two found dots (dots lost to a faint scan in between still count).</summary>
    private const int MaxMissing = 3;

    /// <summary>
    /// The lines of <paramref name="lines"/> with a leader line inserted after each box a leader follows; the others as they
    /// are. <paramref name="bitmap"/> is the image the boxes were found on. A leader is looked for between two boxes of a
    /// line and after a line's last box; after a last box it must start within a line's height of it (a leader follows
    /// its entry), and the ink that ends it there — a page number the detector left unboxed with the dots — is handed to
    /// <paramref name="readUnread"/> (a pixel rectangle of the bitmap; it returns the lines read there, in bitmap pixels).
    /// </summary>
    public static List<OcrLine> Insert(SKBitmap bitmap, IReadOnlyList<OcrLine> lines, Func<SKRectI, IReadOnlyList<OcrLine>>? readUnread = null)
    {
        ArgumentNullException.ThrowIfNull(bitmap);
        ArgumentNullException.ThrowIfNull(lines);
        var after = new Dictionary<OcrLine, List<OcrLine>>(ReferenceEqualityComparer.Instance);
        using var ink = new Ink(bitmap);
        foreach (var row in Rows(lines))
        {
            for (var i = 0; i < row.Count; i++)
            {
                var left = row[i];
                var right = i + 1 < row.Count ? row[i + 1] : null;
                var a = left.Bounds;
                var height = right is null ? a.Height : Math.Min(a.Height, right.Bounds.Height);
                var end = right?.Bounds.Left ?? bitmap.Width;
                // Not even three dots fit in a gap under half the line's height (a leader dot's pitch is a third of the em or more).
                if (end - a.Right < 0.5 * height) continue;
                var top = right is null ? a.Top : Math.Min(a.Top, right.Bounds.Top);
                var bottom = right is null ? a.Bottom : Math.Max(a.Bottom, right.Bounds.Bottom);
                var x0 = (int)Math.Ceiling(a.Right);
                var dots = Find(ink, x0, (int)Math.Floor(end), (int)(top + 0.45 * (bottom - top)), (int)Math.Ceiling(bottom), height,
                    right is null ? x0 + height : null);
                if (dots is not { } run) continue;
                OcrPoint[] corners = [new(run.Left, top), new(run.Right, top), new(run.Right, bottom), new(run.Left, bottom)];
                // Found on the bitmap, not by the recogniser: the leader takes its neighbours' lower confidence, so it neither
                // raises nor lowers the page's mean confidence beyond what the recogniser said of that line.
                List<OcrLine> added = [new OcrLine(new string('.', run.Count), corners, Math.Min(left.Confidence, right?.Confidence ?? 1))];
                if (right is null && readUnread is not null && Tail(ink, (int)run.Right, (int)top, (int)Math.Ceiling(bottom), height) is { } tail)
                    added.AddRange(readUnread(tail));
                after[left] = added;
            }
        }
        if (after.Count == 0) return lines as List<OcrLine> ?? [.. lines];
        var result = new List<OcrLine>(lines.Count + after.Count);
        foreach (var line in lines)
        {
            result.Add(line);
            if (after.TryGetValue(line, out var leader)) result.AddRange(leader);
        }
        return result;
    }

    /// <summary>
    /// The ink that follows a leader ending at <paramref name="from"/> on the line <paramref name="top"/>–<paramref name="bottom"/>:
    /// from the first dark column within three line heights to the last before a blank stretch a line's height wide,
    /// with a margin of a quarter of the line's height; null when nothing follows.
    /// </summary>
    internal static SKRectI? Tail(Ink ink, int from, int top, int bottom, double lineHeight)
    {
        top = Math.Max(0, top);
        bottom = Math.Min(ink.Height, bottom);
        var pixels = ink.Pixels;
        int first = -1, last = -1;
        for (var x = Math.Max(0, from); x < ink.Width; x++)
        {
            var dark = false;
            for (var y = top; y < bottom && !dark; y++) dark = ink.Dark(pixels, x, y);
            if (dark)
            {
                if (first < 0) first = x;
                last = x;
            }
            else if (first < 0 ? x - from > 3 * lineHeight : x - last > lineHeight) break;
        }
        if (first < 0) return null;
        var margin = (int)(0.25 * lineHeight);
        return new SKRectI(Math.Max(0, first - margin), Math.Max(0, top - margin), Math.Min(ink.Width, last + 1 + margin), Math.Min(ink.Height, bottom + margin));
    }

    /// <summary>A leader found in a gap: its extent in pixels and the number of dots it stands for.</summary>
    internal readonly record struct Run(float Left, float Right, int Count);

    /// <summary>
    /// The longest regular run of dots in the band <paramref name="x0"/>–<paramref name="x1"/> × <paramref name="y0"/>–<paramref name="y1"/>
    /// (pixels, end exclusive) of a line <paramref name="lineHeight"/> high; null when none has <see cref="MinDots"/> dots
    /// or the longest spans less than <see cref="MinSpan"/> of the gap — or, with <paramref name="startBy"/> (after a line's
    /// last box), starts right of that.
    /// </summary>
    internal static Run? Find(Ink ink, int x0, int x1, int y0, int y1, double lineHeight, double? startBy = null)
    {
        x0 = Math.Max(0, x0);
        y0 = Math.Max(0, y0);
        x1 = Math.Min(ink.Width, x1);
        y1 = Math.Min(ink.Height, y1);
        if (x1 - x0 < 3 || y1 - y0 < 2) return null;
        var maxSide = Math.Max(2, (int)(MaxDotShare * lineHeight));
        var blobs = Blobs(ink, x0, x1, y0, y1);
        Run? best = null;
        var start = 0;
        // Runs of consecutive dot-like blobs: a blob that is not a dot (a letter's foot, a dash, a smudge) ends a run.
        for (var i = 0; i <= blobs.Count; i++)
        {
            if (i < blobs.Count && IsDot(blobs[i], maxSide, y0, y1)) continue;
            if (Regular(blobs.GetRange(start, i - start)) is { } run && run.Count > (best?.Count ?? 0)) best = run;
            start = i + 1;
        }
        if (best is not { } found) return null;
        // After a line's last box a leader starts right at it (it runs to an unboxed page number, or to the margin).
        if (startBy is { } by) return found.Left <= by ? found : null;
        // Between two boxes a leader joins them: it spans most of the gap. A few specks that happen to line up cover a small part of it.
        return found.Right - found.Left >= MinSpan * (x1 - x0) ? found : null;
    }

    /// <summary>
    /// A dot: no side longer than <paramref name="maxSide"/>, about as wide as high (a dash or an underline is long), and
    /// wholly inside the band (a blob cut by its top edge is part of something taller).
    /// </summary>
    private static bool IsDot(Blob blob, int maxSide, int y0, int y1) =>
        blob.Width <= maxSide && blob.Height <= maxSide
        && blob.Width <= 2 * blob.Height + 1 && blob.Height <= 2 * blob.Width + 1
        && blob.Top > y0 && blob.Bottom < y1;

    /// <summary>
    /// The longest stretch of <paramref name="dots"/> (left to right) that share one size, one height on the line and one
    /// pitch — the median distance between neighbours; gaps of up to <see cref="MaxMissing"/> pitches are dots not found.
    /// </summary>
    private static Run? Regular(List<Blob> dots)
    {
        if (dots.Count < MinDots) return null;
        var pitch = Median(dots.Zip(dots.Skip(1), (a, b) => b.CenterX - a.CenterX));
        var size = Median(dots.Select(d => (double)Math.Max(d.Width, d.Height)));
        var middle = Median(dots.Select(d => d.CenterY));
        // Dots stand apart (a pitch under one and a half dots is a grey bar), and a leader's pitch is well under the
        // line's height times two (specks scattered over a gap are farther apart and irregular).
        if (pitch < 1.5 * size) return null;
        Run? best = null;
        int first = -1, last = -1, found = 0;
        for (var i = 0; i <= dots.Count; i++)
        {
            var fits = i < dots.Count && Math.Abs(Math.Max(dots[i].Width, dots[i].Height) - size) <= Math.Max(1, 0.5 * size)
                       && Math.Abs(dots[i].CenterY - middle) <= Math.Max(1.5, 0.5 * size);
            if (fits && first >= 0)
            {
                var steps = (dots[i].CenterX - dots[last].CenterX) / pitch;
                var whole = Math.Round(steps);
                if (whole is >= 1 and <= MaxMissing && Math.Abs(steps - whole) <= PitchTolerance * whole)
                {
                    last = i;
                    found++;
                    continue;
                }
            }
            if (first >= 0 && found >= MinDots)
            {
                var count = (int)Math.Round((dots[last].CenterX - dots[first].CenterX) / pitch) + 1;
                // Most of the dots must be there: three specks spread over a gap with nothing between are no leader.
                if (found * 3 >= count * 2 && count > (best?.Count ?? 0)) best = new Run(dots[first].Left, dots[last].Right + 1, count);
            }
            (first, last, found) = fits ? (i, i, 1) : (-1, -1, 0);
        }
        return best;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted[sorted.Count / 2];
    }

    /// <summary>A connected blob of dark pixels (8-connected), its bounds in pixels (end exclusive).</summary>
    private readonly record struct Blob(int Left, int Top, int Right, int Bottom)
    {
        public int Width => Right - Left;
        public int Height => Bottom - Top;
        public double CenterX => (Left + Right) / 2.0;
        public double CenterY => (Top + Bottom) / 2.0;
    }

    /// <summary>The dark blobs of the band, left to right.</summary>
    private static List<Blob> Blobs(Ink ink, int x0, int x1, int y0, int y1)
    {
        int width = x1 - x0, height = y1 - y0;
        var pixels = ink.Pixels;
        var seen = new bool[width * height];
        var blobs = new List<Blob>();
        var stack = new Stack<int>();
        for (var x = 0; x < width; x++)
            for (var y = 0; y < height; y++)
            {
                var k = y * width + x;
                if (seen[k] || !ink.Dark(pixels, x0 + x, y0 + y)) continue;
                int left = x, right = x, top = y, bottom = y;
                seen[k] = true;
                stack.Push(k);
                while (stack.Count > 0)
                {
                    var p = stack.Pop();
                    int px = p % width, py = p / width;
                    left = Math.Min(left, px);
                    right = Math.Max(right, px);
                    top = Math.Min(top, py);
                    bottom = Math.Max(bottom, py);
                    for (var dy = -1; dy <= 1; dy++)
                        for (var dx = -1; dx <= 1; dx++)
                        {
                            int nx = px + dx, ny = py + dy;
                            if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
                            var n = ny * width + nx;
                            if (seen[n] || !ink.Dark(pixels, x0 + nx, y0 + ny)) continue;
                            seen[n] = true;
                            stack.Push(n);
                        }
                }
                blobs.Add(new Blob(x0 + left, y0 + top, x0 + right + 1, y0 + bottom + 1));
            }
        return blobs.OrderBy(b => b.CenterX).ToList();
    }

    /// <summary>
    /// The boxes grouped into visual lines, each left to right: a box joins the line whose first box it overlaps
    /// vertically by at least half the smaller height (the rule <see cref="PageOcr.Lines"/> joins segments by).
    /// </summary>
    private static List<List<OcrLine>> Rows(IReadOnlyList<OcrLine> lines)
    {
        var rows = new List<List<OcrLine>>();
        foreach (var line in lines.OrderBy(l => l.Bounds.Top))
        {
            var box = line.Bounds;
            var row = rows.FirstOrDefault(r =>
            {
                var first = r[0].Bounds;
                return Math.Min(first.Bottom, box.Bottom) - Math.Max(first.Top, box.Top) >= 0.5 * Math.Min(first.Height, box.Height);
            });
            if (row is null) rows.Add([line]);
            else row.Add(line);
        }
        foreach (var row in rows) row.Sort((a, b) => a.Bounds.Left.CompareTo(b.Bounds.Left));
        return rows;
    }

    /// <summary>
    /// Which pixels of a bitmap are ink: the mean of R, G and B under <see cref="DarkBelow"/> (the same for BGRA and RGBA).
    /// A 4-byte bitmap is read in place (a page at 300 dpi is 35 MB; only the gaps' pixels are looked at); another
    /// format is converted once.
    /// </summary>
    internal sealed class Ink : IDisposable
    {
        private readonly SKBitmap? _converted;
        private readonly SKBitmap _source;
        private readonly int _rowBytes;

        public Ink(SKBitmap bitmap)
        {
            _converted = bitmap.ColorType is SKColorType.Bgra8888 or SKColorType.Rgba8888 ? null : bitmap.Copy(SKColorType.Bgra8888);
            _source = _converted ?? bitmap;
            _rowBytes = _source.RowBytes; // a native call: read once, not per pixel
        }

        public int Width => _source.Width;
        public int Height => _source.Height;

        public ReadOnlySpan<byte> Pixels => _source.GetPixelSpan();

        public bool Dark(ReadOnlySpan<byte> pixels, int x, int y)
        {
            var i = y * _rowBytes + x * 4;
            return pixels[i] + pixels[i + 1] + pixels[i + 2] < 3 * DarkBelow;
        }

        public void Dispose() => _converted?.Dispose();
    }
}
