using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;

namespace RagAssistant.Ingestion.Readers.Pdf;

/// <summary>A horizontal rule (y, x0..x1) or a vertical one (x, y0..y1): <c>At</c> is the fixed coordinate.</summary>
internal readonly record struct Rule(double At, double From, double To);

/// <summary>
/// The ruling lines drawn on a page, horizontal and vertical: stroked lines, thin filled rectangles used as rules, and
/// the sides of boxes (cell borders drawn as rectangles, shaded cells). Collinear pieces that overlap or touch are merged,
/// so a rule drawn twice, drawn in dashes or offset by a fraction of a point is one rule. A page with more rules than
/// <see cref="MaxStrokes"/> (or four times as many path commands of shapes without curves) is a drawing: it has no rules (its strokes are not a table's grid, and a grid search over
/// tens of thousands of them would cost the page's time budget).
/// </summary>
internal sealed class Rulings
{
    public const int MaxStrokes = 4000;

    /// <summary>Rules closer than this (pt) across their direction are one rule; pieces with a gap this small join.</summary>
    public const double Tolerance = 2;

    private const double MinLength = 3;
    private const double Thin = 3;

    private Rulings(List<Rule> horizontal, List<Rule> vertical)
    {
        Horizontal = horizontal;
        Vertical = vertical;
        VerticalIndex = VerticalRules.Of(vertical);
    }

    public static Rulings None { get; } = new([], []);

    /// <summary>Horizontal rules, sorted by y descending (top first).</summary>
    public IReadOnlyList<Rule> Horizontal { get; }

    /// <summary>Vertical rules, sorted by x ascending.</summary>
    public IReadOnlyList<Rule> Vertical { get; }

    /// <summary>The vertical rules indexed for the questions lines and columns ask (is there a rule between two words?).</summary>
    public VerticalRules VerticalIndex { get; }

    public static Rulings Of(Page page, PageFrame frame)
    {
        var horizontal = new List<Rule>();
        var vertical = new List<Rule>();
        var shadeHorizontal = new List<Rule>();
        var shadeVertical = new List<Rule>();
        var strokes = 0;
        foreach (var path in page.Paths)
        {
            if (path.IsClipping) continue;
            foreach (var subpath in path)
            {
                // A shape with curves is no rule, nor part of a table's grid: a glyph's or a logo's outline, a round mark, a
                // plotted curve. Its strokes neither count towards a drawing (a claim form's grid had been read as loose
                // lines under the curves of its marks) nor give rules (a straight stretch of an outline is no border).
                if (HasCurve(subpath)) continue;
                strokes += subpath.Commands.Count;
                if (strokes > 4 * MaxStrokes) return None;
                if (subpath.IsDrawnAsRectangle && subpath.GetDrawnRectangle() is { } r)
                {
                    var (ax, ay) = frame.Map(new PdfPoint(r.Left, r.Bottom));
                    var (bx, by) = frame.Map(new PdfPoint(r.Right, r.Top));
                    var shading = path.IsFilled && !path.IsStroked;
                    AddBox(Math.Min(ax, bx), Math.Min(ay, by), Math.Max(ax, bx), Math.Max(ay, by), horizontal, vertical,
                        shading ? shadeHorizontal : horizontal, shading ? shadeVertical : vertical);
                    continue;
                }
                PdfPoint? previous = null, start = null;
                foreach (var command in subpath.Commands)
                {
                    switch (command)
                    {
                        case PdfSubpath.Move move:
                            previous = start = move.Location;
                            break;
                        case PdfSubpath.Line line:
                            AddLine(Mapped(line.From, frame), Mapped(line.To, frame), horizontal, vertical);
                            previous = line.To;
                            break;
                        case PdfSubpath.Close when previous is { } p && start is { } s:
                            AddLine(Mapped(p, frame), Mapped(s, frame), horizontal, vertical);
                            previous = s;
                            break;
                        default:
                            previous = null; // no straight stroke (shapes with curves were left out above)
                            break;
                    }
                }
            }
        }
        horizontal.AddRange(shadeHorizontal.Where(r => !NearRule(r, horizontal)));
        vertical.AddRange(shadeVertical.Where(r => !NearRule(r, vertical)));
        if (horizontal.Count + vertical.Count > MaxStrokes) return None;
        return new Rulings(Merge(horizontal, descending: true), Merge(vertical, descending: false));
    }

    /// <summary>Rulings from rules found elsewhere (on a scanned page's bitmap): merged like drawn ones, none when there are too many.</summary>
    public static Rulings From(List<Rule> horizontal, List<Rule> vertical) =>
        horizontal.Count + vertical.Count > MaxStrokes ? None : new Rulings(Merge(horizontal, descending: true), Merge(vertical, descending: false));

    /// <summary>These rulings moved up by <paramref name="dy"/> points (found below a top edge at 0, placed under the page's top).</summary>
    public Rulings Shifted(double dy) => dy == 0 || ReferenceEquals(this, None)
        ? this
        : new Rulings(Horizontal.Select(r => r with { At = r.At + dy }).ToList(), Vertical.Select(r => new Rule(r.At, r.From + dy, r.To + dy)).ToList());

    private static PdfPoint Mapped(PdfPoint p, PageFrame frame)
    {
        var (x, y) = frame.Map(p);
        return new PdfPoint(x, y);
    }

    /// <summary>
    /// A rectangle: a thin one is a rule; a larger one gives its four sides — into the shading lists when it is only
    /// filled (a shaded cell, drawn a few points inside the cell's borders).
    /// </summary>
    private static void AddBox(double left, double bottom, double right, double top, List<Rule> horizontal, List<Rule> vertical,
        List<Rule> sideHorizontal, List<Rule> sideVertical)
    {
        double width = right - left, height = top - bottom;
        if (width < MinLength && height < MinLength) return;
        if (height < Thin) { horizontal.Add(new Rule((bottom + top) / 2, left, right)); return; }
        if (width < Thin) { vertical.Add(new Rule((left + right) / 2, bottom, top)); return; }
        sideHorizontal.Add(new Rule(top, left, right));
        sideHorizontal.Add(new Rule(bottom, left, right));
        sideVertical.Add(new Rule(left, bottom, top));
        sideVertical.Add(new Rule(right, bottom, top));
    }

    private static bool HasCurve(PdfSubpath subpath)
    {
        foreach (var command in subpath.Commands)
            if (command is PdfSubpath.BezierCurve) return true;
        return false;
    }

    /// <summary>
    /// A shaded box's side near a drawn rule (within <see cref="ShadeInset"/>, overlapping it) is the shading's edge
    /// inside a ruled cell, not a border of its own; where no rule is near, the shading is what separates the cells.
    /// </summary>
    private static bool NearRule(Rule side, List<Rule> rules)
    {
        foreach (var rule in rules)
            if (Math.Abs(rule.At - side.At) <= ShadeInset && rule.From < side.To && rule.To > side.From) return true;
        return false;
    }

    private const double ShadeInset = 8;

    private static void AddLine(PdfPoint from, PdfPoint to, List<Rule> horizontal, List<Rule> vertical)
    {
        double dx = Math.Abs(from.X - to.X), dy = Math.Abs(from.Y - to.Y);
        if (dy < 1 && dx >= MinLength) horizontal.Add(new Rule((from.Y + to.Y) / 2, Math.Min(from.X, to.X), Math.Max(from.X, to.X)));
        else if (dx < 1 && dy >= MinLength) vertical.Add(new Rule((from.X + to.X) / 2, Math.Min(from.Y, to.Y), Math.Max(from.Y, to.Y)));
    }

    /// <summary>Joins collinear rules (within <see cref="Tolerance"/>) whose extents overlap or touch.</summary>
    private static List<Rule> Merge(List<Rule> rules, bool descending)
    {
        if (rules.Count == 0) return rules;
        rules.Sort((a, b) => a.At != b.At ? a.At.CompareTo(b.At) : a.From.CompareTo(b.From));
        var merged = new List<Rule>(rules.Count);
        var i = 0;
        while (i < rules.Count)
        {
            // One band of (nearly) equal positions, merged along its length.
            var j = i + 1;
            while (j < rules.Count && rules[j].At - rules[j - 1].At <= Tolerance / 2) j++;
            var band = rules.GetRange(i, j - i);
            band.Sort((a, b) => a.From.CompareTo(b.From));
            var at = band.Average(r => r.At);
            var current = band[0] with { At = at };
            foreach (var rule in band.Skip(1))
            {
                if (rule.From <= current.To + Tolerance) current = current with { To = Math.Max(current.To, rule.To) };
                else
                {
                    merged.Add(current);
                    current = rule with { At = at };
                }
            }
            merged.Add(current);
            i = j;
        }
        merged.Sort((a, b) => descending ? b.At.CompareTo(a.At) : a.At.CompareTo(b.At));
        return merged;
    }
}
