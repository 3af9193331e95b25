using System.Globalization;

namespace RagAssistant.Core.Documents;

/// <summary>
/// Orders revisions of one identity, oldest first: by revision mark (A &lt; B &lt; … &lt; Z &lt; AA, 1 &lt; 2 &lt; 10,
/// A/0 &lt; A/1 &lt; B/0), then by effective date, then by the year in a standard's number. A missing value sorts
/// before any present one, so a stated revision is always newer than an unstated one.
/// </summary>
public sealed class RevisionComparer : IComparer<DocumentRevision>
{
    public static RevisionComparer Instance { get; } = new();

    public int Compare(DocumentRevision? x, DocumentRevision? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;
        var byMark = CompareMarks(x.Mark, y.Mark);
        if (byMark != 0) return byMark;
        var byDate = Nullable.Compare(x.EffectiveDate, y.EffectiveDate);
        if (byDate != 0) return byDate;
        return Nullable.Compare(x.Year, y.Year);
    }

    /// <summary>Compares marks segment by segment; segments split at '/', '.', '-', '_' and at letter/digit changes.</summary>
    public static int CompareMarks(string? a, string? b)
    {
        if (string.Equals(a, b, StringComparison.OrdinalIgnoreCase)) return 0;
        if (string.IsNullOrWhiteSpace(a)) return -1;
        if (string.IsNullOrWhiteSpace(b)) return 1;
        var sa = Segments(a);
        var sb = Segments(b);
        for (var i = 0; i < Math.Min(sa.Count, sb.Count); i++)
        {
            var c = CompareSegment(sa[i], sb[i]);
            if (c != 0) return c;
        }
        return sa.Count.CompareTo(sb.Count);
    }

    private static int CompareSegment(string a, string b)
    {
        var aNum = long.TryParse(a, NumberStyles.None, CultureInfo.InvariantCulture, out var na);
        var bNum = long.TryParse(b, NumberStyles.None, CultureInfo.InvariantCulture, out var nb);
        if (aNum && bNum) return na.CompareTo(nb);
        // Letters after digits: "A" is a later scheme than a draft number in every plant template seen so far.
        if (aNum != bNum) return aNum ? -1 : 1;
        // Letter marks: Z < AA, like spreadsheet columns.
        var byLength = a.Length.CompareTo(b.Length);
        return byLength != 0 ? byLength : string.Compare(a, b, StringComparison.OrdinalIgnoreCase);
    }

    private static List<string> Segments(string mark)
    {
        var segments = new List<string>();
        var current = new System.Text.StringBuilder();
        char? previousClass = null;
        foreach (var raw in mark.Trim())
        {
            var ch = char.ToUpperInvariant(raw);
            if (ch is '/' or '.' or '-' or '_' or ' ')
            {
                Flush();
                previousClass = null;
                continue;
            }
            var cls = char.IsDigit(ch) ? 'd' : 'l';
            if (previousClass is not null && previousClass != cls) Flush();
            current.Append(ch);
            previousClass = cls;
        }
        Flush();
        return segments;

        void Flush()
        {
            if (current.Length > 0) segments.Add(current.ToString());
            current.Clear();
        }
    }
}
