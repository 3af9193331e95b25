namespace RagAssistant.Ingestion.Readers.Pdf;

/// <summary>
/// Vertical ruling lines drawn on a page (table cell borders). Text on either side of a rule belongs to different
/// cells even when the gap is narrow — a cell whose text fills it leaves only its padding between it and the next.
/// </summary>
internal sealed class VerticalRules
{
    private readonly (double X, double Y0, double Y1)[] _rules;

    private VerticalRules((double, double, double)[] rules) => _rules = rules;

    public static VerticalRules None { get; } = new([]);

    public bool IsEmpty => _rules.Length == 0;

    /// <param name="rules">Vertical rules sorted by x (as <see cref="Rulings.Vertical"/> keeps them).</param>
    public static VerticalRules Of(IReadOnlyList<Rule> rules) =>
        rules.Count == 0 ? None : new VerticalRules([.. rules.Select(r => (r.At, r.From, r.To))]);

    /// <summary>The x positions (merged within 2 pt) of rules between x0 and x1 that overlap the band bottom..top.</summary>
    public List<double> Crossing(double x0, double x1, double bottom, double top)
    {
        var xs = new List<double>();
        foreach (var rule in _rules)
        {
            if (rule.X < x0 || rule.X > x1 || rule.Y1 < bottom || rule.Y0 > top) continue;
            if (xs.Count == 0 || rule.X - xs[^1] > 2) xs.Add(rule.X);
        }
        return xs;
    }

    /// <summary>True when a rule crosses the baseline <paramref name="y"/> strictly between x0 and x1.</summary>
    public bool Between(double x0, double x1, double y)
    {
        if (_rules.Length == 0 || x1 <= x0) return false;
        var lo = 0;
        var hi = _rules.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (_rules[mid].X < x0 - 0.5) lo = mid + 1; else hi = mid;
        }
        for (var i = lo; i < _rules.Length && _rules[i].X <= x1 + 0.5; i++)
            if (_rules[i].Y0 - 2 <= y && y <= _rules[i].Y1 + 2) return true;
        return false;
    }
}
