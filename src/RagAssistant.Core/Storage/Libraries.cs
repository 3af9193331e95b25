using System.Diagnostics;
using System.Globalization;
using RagAssistant.Core.Access;

namespace RagAssistant.Core.Storage;

/// <summary>Library (collection) names: the one rule for uploads, <c>rag libraries add</c> and grants alike.</summary>
public static class Libraries
{
    /// <summary>The library documents go to when none is named.</summary>
    public const string Default = "default";

    /// <summary>Longest library name, in characters: long enough for "plant/line/cell" names, short enough to show in a table cell.</summary>
    public const int MaxNameLength = 100;

    /// <summary>The library a caller named: trimmed, and <see cref="Default"/> when nothing (or only blanks) was named.</summary>
    public static string Normalize(string? name) => string.IsNullOrWhiteSpace(name) ? Default : name.Trim();

    /// <summary>
    /// Why <paramref name="name"/> (already trimmed) cannot name a library, or null when it can. Refused: empty, over
    /// <see cref="MaxNameLength"/>, the reserved name the access layer asks for when nothing is readable (a document
    /// stored there would be found by callers who may read nothing), and control, format and line-separator characters
    /// — invisible in the UI, so two libraries could look alike, or text could be reordered (U+202E) to spoof a name.
    /// </summary>
    public static LibraryNameProblem? Check(string name)
    {
        if (name.Length == 0) return LibraryNameProblem.Empty;
        if (name == AccessScope.NoLibrary) return LibraryNameProblem.Reserved;
        if (name.Length > MaxNameLength) return LibraryNameProblem.TooLong;
        if (name.Any(IsInvisible)) return LibraryNameProblem.Invisible;
        return null;
    }

    /// <summary>What <see cref="Check"/> finds, as an English sentence for the API, the CLI and the log; null when the name can be used.</summary>
    public static string? Problem(string name) => Check(name) switch
    {
        null => null,
        LibraryNameProblem.Empty => "the library name is empty",
        LibraryNameProblem.Reserved => "the library name is reserved",
        LibraryNameProblem.TooLong => $"the library name has {name.Length} characters, over the limit of {MaxNameLength}",
        LibraryNameProblem.Invisible => "the library name contains control characters or invisible formatting",
        _ => throw new UnreachableException(),
    };

    private static bool IsInvisible(char c) => char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c)
        is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
}
