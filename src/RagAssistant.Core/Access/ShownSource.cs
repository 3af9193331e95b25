namespace RagAssistant.Core.Access;

/// <summary>
/// A document's source as a caller may see it. The stored source is the path the file was ingested from — relative to
/// the operator's working directory when inside it, otherwise absolute ("/srv/docs/manuals/x.pdf") — and stays as it is
/// in storage: it is the key that replaces a changed file and what evaluation matches gold sources against. Only an
/// administrator (and the local operator) sees it whole; to anyone else an absolute server path says nothing they need
/// and something about the server they should not learn.
/// </summary>
public static class ShownSource
{
    /// <summary>The source as <paramref name="scope"/> may see it: whole for an administrator, else <see cref="WithoutServerPath"/>.</summary>
    public static string For(AccessScope scope, string source) => scope.IsAdministrator ? source : WithoutServerPath(source);

    /// <summary>
    /// A relative source as it is (the folders below where ingestion ran, an upload's name); an absolute one as its file
    /// name — or, for an entry of an archive, from the archive's name on ("manuals.zip/ch1/x.pdf"), as far as what was
    /// ingested shows where it sits. Which folder the operator named when ingesting is not stored, so no more of an
    /// absolute path can be told apart from the server's own.
    /// </summary>
    public static string WithoutServerPath(string source)
    {
        if (!IsAbsolute(source)) return source;
        var segments = source.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0) return "";
        var archive = Array.FindLastIndex(segments, segments.Length - 2, s => s.EndsWith(".zip", StringComparison.OrdinalIgnoreCase));
        return string.Join('/', segments[(archive >= 0 ? archive : segments.Length - 1)..]);
    }

    // Rooted on this server or on another one: "/srv/…", "C:\…", "C:/…", "\\server\share\…".
    private static bool IsAbsolute(string source) =>
        source.StartsWith('/') || source.StartsWith('\\')
        || source.Length >= 3 && char.IsAsciiLetter(source[0]) && source[1] == ':' && source[2] is '/' or '\\';
}
