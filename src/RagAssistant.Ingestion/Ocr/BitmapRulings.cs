using System.Runtime.InteropServices;
using RagAssistant.Ingestion.Readers.Pdf;
using SkiaSharp;

namespace RagAssistant.Ingestion.Ocr;

/// <summary>
/// The ruling lines of a scanned page, found on its bitmap, so a scanned process card's grid gives ruled tables as a
/// drawn grid does: a rule is a run of dark pixels at least <see cref="MinRulePoints"/> long (longer than any character
/// or word gap of body text) on consecutive pixel rows (or columns) no thicker together than <see cref="MaxThicknessPoints"/>
/// (thicker is a filled area, a photo or a stamp, not a line). Gaps of a few pixels inside a run — a faint or dashed scan
/// of a line — are bridged. Rules come back in page points like the OCR lines (<see cref="PageOcr.Lines"/>), merged by
/// <see cref="Rulings.From"/>. A page skewed by more than about half a degree breaks long lines into pieces; the pieces
/// still merge when they stay within the merge tolerance.
/// </summary>
internal static class BitmapRulings
{
    /// <summary>Shortest rule, in points: half an inch, longer than a 10 pt word.</summary>
    public const double MinRulePoints = 36;

    /// <summary>Thickest rule, in points: a heavy border is 2–3 pt; a bar thicker than this is a filled area.</summary>
    public const double MaxThicknessPoints = 4;

    /// <summary>Darkest a background pixel may be (luminance 0–255): a pale scan's lines are still under this.</summary>
    private const int DarkBelow = 140;

    /// <summary>Light pixels bridged inside a run (a line scanned with dropouts).</summary>
    private const int Bridge = 2;

    public static Rulings Find(SKBitmap bitmap, double scale, double top, double left = 0)
    {
        ArgumentNullException.ThrowIfNull(bitmap);
        var dark = DarkMask(bitmap);
        int width = bitmap.Width, height = bitmap.Height;
        var minRun = Math.Max(24, (int)(MinRulePoints * scale));
        var maxThickness = Math.Max(3, (int)Math.Ceiling(MaxThicknessPoints * scale));
        var horizontal = Bands(height, width, minRun, maxThickness, (row, col) => dark[row * width + col])
            .Select(b => new Rule(top - b.Center / scale, left + b.From / scale, left + b.To / scale)).ToList();
        var vertical = Bands(width, height, minRun, maxThickness, (col, row) => dark[row * width + col])
            .Select(b => new Rule(left + b.Center / scale, top - b.To / scale, top - b.From / scale)).ToList();
        return Rulings.From(horizontal, vertical);
    }

    private static bool[] DarkMask(SKBitmap bitmap)
    {
        using var converted = bitmap.ColorType == SKColorType.Bgra8888 ? null : bitmap.Copy(SKColorType.Bgra8888);
        var source = converted ?? bitmap;
        var pixels = MemoryMarshal.Cast<byte, uint>(source.GetPixelSpan());
        var dark = new bool[pixels.Length];
        for (var i = 0; i < pixels.Length; i++)
        {
            var p = pixels[i];
            int b = (int)(p & 0xFF), g = (int)((p >> 8) & 0xFF), r = (int)((p >> 16) & 0xFF);
            dark[i] = (r * 299 + g * 587 + b * 114) / 1000 < DarkBelow;
        }
        return dark;
    }

    /// <summary>A rule in pixels: its centre across the lines it spans, and its extent along them.</summary>
    private readonly record struct Band(double Center, int From, int To);

    /// <summary>
    /// Long runs along each line (a pixel row for horizontal rules, a column for vertical ones), grouped over consecutive
    /// lines where they overlap; groups thicker than <paramref name="maxThickness"/> are dropped.
    /// </summary>
    private static List<Band> Bands(int lines, int length, int minRun, int maxThickness, Func<int, int, bool> isDark)
    {
        var bands = new List<Band>();
        var open = new List<(int FirstLine, int LastLine, int From, int To, long Weighted, int Count)>();
        for (var line = 0; line <= lines; line++)
        {
            var runs = line < lines ? Runs(line, length, minRun, isDark) : [];
            var next = new List<(int FirstLine, int LastLine, int From, int To, long Weighted, int Count)>();
            foreach (var (from, to) in runs)
            {
                var joined = open.FindIndex(g => g.LastLine == line - 1 && g.From < to && from < g.To);
                if (joined >= 0)
                {
                    var g = open[joined];
                    open.RemoveAt(joined);
                    next.Add((g.FirstLine, line, Math.Min(g.From, from), Math.Max(g.To, to), g.Weighted + line, g.Count + 1));
                }
                else next.Add((line, line, from, to, line, 1));
            }
            foreach (var g in open)
                if (g.LastLine - g.FirstLine + 1 <= maxThickness) bands.Add(new Band((double)g.Weighted / g.Count, g.From, g.To));
            open = next;
        }
        return bands;
    }

    private static List<(int From, int To)> Runs(int line, int length, int minRun, Func<int, int, bool> isDark)
    {
        var runs = new List<(int, int)>();
        int start = -1, lastDark = -1;
        for (var i = 0; i < length; i++)
        {
            if (!isDark(line, i)) continue;
            if (start < 0 || i - lastDark > Bridge + 1)
            {
                if (start >= 0 && lastDark - start + 1 >= minRun) runs.Add((start, lastDark + 1));
                start = i;
            }
            lastDark = i;
        }
        if (start >= 0 && lastDark - start + 1 >= minRun) runs.Add((start, lastDark + 1));
        return runs;
    }
}
