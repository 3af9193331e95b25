using System.Globalization;

namespace RagAssistant.Core.Documents;

/// <summary>
/// The rules every store applies to the revisions of one identity group (library + kind + identity key): which are
/// superseded, how a stored revision reads back, and which year orders an edited revision.
/// </summary>
public static class RevisionMarks
{
    /// <summary>
    /// Each revision of one identity and whether it is superseded: older than the newest by <see cref="RevisionComparer"/>;
    /// copies of the newest (same identity and revision in another file) all stay current.
    /// </summary>
    public static Dictionary<long, bool> Superseded(IReadOnlyList<(long Id, DocumentRevision Revision)> revisions)
    {
        var newest = revisions.Select(r => r.Revision).Max(RevisionComparer.Instance)!;
        return revisions.ToDictionary(r => r.Id, r => RevisionComparer.Instance.Compare(r.Revision, newest) < 0);
    }

    /// <summary>A revision as stored: marks are stored as displayed, so a mark equal to the year is the year alone.</summary>
    public static DocumentRevision Read(string? identity, string? mark, DateOnly? effectiveDate, int? year)
    {
        if (year is not null && mark == year.Value.ToString(CultureInfo.InvariantCulture)) mark = null;
        return new DocumentRevision(identity, mark, effectiveDate, year);
    }

    /// <summary>
    /// The year that orders revisions after the mark (a standard's year, GB/T 3077-2015) once a person edits the revision:
    /// kept while the revision is unchanged or becomes another mark; gone with the revision; a revision typed as a year
    /// (2026) is that year, stored as the mark too, which <see cref="Read"/> reads back as the year alone.
    /// </summary>
    public static int? YearAfterEdit(string? oldRevision, int? oldYear, string? revision)
    {
        if (revision == oldRevision) return oldYear;
        if (revision is null) return null;
        return revision.Length == 4 && int.TryParse(revision, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1900 and <= 2200
            ? year : oldYear;
    }
}
