using RagAssistant.Core.Search;

namespace RagAssistant.Core.Access;

/// <summary>
/// Who the caller is and what they may do: the one answer every page, endpoint and command asks for before reading or
/// writing anything. A null library list means every library.
/// </summary>
/// <param name="User">The user name (conversations are kept per user).</param>
/// <param name="ReadableLibraries">Libraries the caller may read; null = all.</param>
/// <param name="WritableLibraries">Libraries the caller may upload to, delete from and re-index; null = all.</param>
/// <param name="IsAdministrator">May manage users, libraries, grants and settings.</param>
/// <param name="IsLocal">The trusted local operator (the <c>rag</c> command without <c>--user</c>): also sees every conversation.</param>
public sealed record AccessScope(
    string User,
    IReadOnlyList<string>? ReadableLibraries,
    IReadOnlyList<string>? WritableLibraries,
    bool IsAdministrator = false,
    bool IsLocal = false)
{
    /// <summary>The local operator of the <c>rag</c> command: every library, every conversation.</summary>
    public static AccessScope LocalOperator { get; } = new("local", null, null, IsAdministrator: true, IsLocal: true);

    /// <summary>Someone who may read and write nothing (an unknown or disabled account).</summary>
    public static AccessScope Nobody(string user) => new(user, [], []);

    public bool MayRead(string library) => ReadableLibraries is null || ReadableLibraries.Contains(library, StringComparer.Ordinal);

    public bool MayWrite(string library) => WritableLibraries is null || WritableLibraries.Contains(library, StringComparer.Ordinal);

    /// <summary>May upload to at least one library (shows the upload controls).</summary>
    public bool CanUpload => WritableLibraries is null || WritableLibraries.Count > 0;

    /// <summary>The conversation belongs to the caller (the local operator may open every conversation).</summary>
    public bool Owns(string? conversationOwner) => IsLocal || string.Equals(conversationOwner, User, StringComparison.Ordinal);

    /// <summary>The caller's filter narrowed to what they may read; a chosen library they may not read yields nothing.</summary>
    public SearchFilter Restrict(SearchFilter? filter)
    {
        filter ??= SearchFilter.None;
        if (ReadableLibraries is null) return filter;
        var chosen = filter.Libraries is { Count: > 0 } libraries ? libraries.Where(MayRead).ToList() : ReadableLibraries.ToList();
        // An empty list means "no restriction" to the search layer, so a caller who may read nothing asks for a library that cannot exist.
        return filter with { Libraries = chosen.Count > 0 ? chosen : [NoLibrary] };
    }

    /// <summary>The library no one may read, asked for when nothing is readable; reserved, so never a real library's name.</summary>
    internal const string NoLibrary = "\u0000none";
}
