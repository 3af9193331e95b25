using RagAssistant.Core.Search;

namespace RagAssistant.Web.Access;

/// <summary>
/// Who the caller is and what they may do: the one answer every page and endpoint asks for before reading or writing
/// anything. <see cref="ReadableLibraries"/> null means every library.
/// </summary>
public sealed record AccessScope(string User, IReadOnlyList<string>? ReadableLibraries, bool CanUpload, bool CanDelete)
{
    public bool MayRead(string library) => ReadableLibraries is null || ReadableLibraries.Contains(library, StringComparer.Ordinal);

    /// <summary>The caller's filter narrowed to what they may read; a chosen library they may not read yields nothing.</summary>
    public SearchFilter Restrict(SearchFilter? filter)
    {
        filter ??= SearchFilter.None;
        if (ReadableLibraries is null) return filter;
        var chosen = filter.Libraries is { Count: > 0 } libraries ? libraries.Where(MayRead).ToList() : ReadableLibraries.ToList();
        // An empty list means "no restriction" to the search layer, so a caller who may read nothing asks for a library that cannot exist.
        return filter with { Libraries = chosen.Count > 0 ? chosen : [NoLibrary] };
    }

    private const string NoLibrary = "\u0000none";
}
