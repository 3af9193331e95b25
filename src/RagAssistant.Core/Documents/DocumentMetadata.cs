using System.Globalization;

namespace RagAssistant.Core.Documents;

/// <summary>
/// The four facts about a document a person may correct when ingestion read them wrong (a datasheet titled "目录 Contents",
/// a card filed as <c>other</c>): its title, identity, revision mark and kind. Build it with <see cref="Create"/>, which
/// trims the text and turns blanks into null, then ask <see cref="Problems"/> before storing it.
/// </summary>
public sealed record DocumentMetadata(string Title, string? Identity, string? Revision, string Kind)
{
    /// <summary>Longest title, in characters: a long standard's full name fits; a pasted paragraph does not.</summary>
    public const int MaxTitleLength = 200;

    /// <summary>Longest identity (a part number + card type, a standard's code, a document number).</summary>
    public const int MaxIdentityLength = 100;

    /// <summary>Longest revision mark (A, B, A/1, 3, 2026).</summary>
    public const int MaxRevisionLength = 40;

    /// <summary>The metadata as typed: each text trimmed, a blank identity or revision is none, a kind in lower case.</summary>
    public static DocumentMetadata Create(string? title, string? identity, string? revision, string? kind) =>
        new((title ?? "").Trim(), Blank(identity), Blank(revision), (kind ?? "").Trim().ToLowerInvariant());

    /// <summary>
    /// What is wrong with it, one entry per field at fault (none when it may be stored): a title is required and at most
    /// <see cref="MaxTitleLength"/> characters; identity and revision are bounded by <see cref="MaxIdentityLength"/> and
    /// <see cref="MaxRevisionLength"/>; the kind is one of <see cref="DocumentKind.All"/>; no field may hold control,
    /// format or line-separator characters (invisible in the UI, so two documents could look alike).
    /// </summary>
    public IReadOnlyList<MetadataProblem> Problems()
    {
        var problems = new List<MetadataProblem>();
        if (Title.Length == 0) problems.Add(new(MetadataField.Title, MetadataReason.Required));
        Check(MetadataField.Title, Title, MaxTitleLength);
        Check(MetadataField.Identity, Identity, MaxIdentityLength);
        Check(MetadataField.Revision, Revision, MaxRevisionLength);
        if (!DocumentKind.All.Contains(Kind, StringComparer.Ordinal)) problems.Add(new(MetadataField.Kind, MetadataReason.UnknownKind));
        return problems;

        void Check(MetadataField field, string? value, int max)
        {
            if (value is null) return;
            if (value.Length > max) problems.Add(new(field, MetadataReason.TooLong, max));
            if (value.Any(IsInvisible)) problems.Add(new(field, MetadataReason.InvisibleCharacters));
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static bool IsInvisible(char c) => char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c)
        is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
}

/// <summary>A field of <see cref="DocumentMetadata"/>; its JSON name is the lower-case name.</summary>
public enum MetadataField
{
    Title,
    Identity,
    Revision,
    Kind,
}

/// <summary>Why a field of <see cref="DocumentMetadata"/> may not be stored.</summary>
public enum MetadataReason
{
    Required,
    TooLong,
    UnknownKind,
    InvisibleCharacters,
}

/// <summary>One field at fault and why; <paramref name="Limit"/> is the length bound for <see cref="MetadataReason.TooLong"/>.</summary>
public sealed record MetadataProblem(MetadataField Field, MetadataReason Reason, int? Limit = null)
{
    /// <summary>In English, naming the field as the API spells it: "field 'title': required".</summary>
    public string Message => $"field '{Field.ToString().ToLowerInvariant()}': " + Reason switch
    {
        MetadataReason.Required => "required, may not be empty",
        MetadataReason.TooLong => $"longer than {Limit} characters",
        MetadataReason.UnknownKind => $"must be one of {string.Join(", ", DocumentKind.All)}",
        _ => "contains control characters or invisible formatting",
    };
}
