namespace RagAssistant.Ingestion;

/// <summary>
/// Checks names that come from outside the file system — uploaded file names and archive entries — before they are
/// used as sources. CLI paths are ordinary paths and are not checked here.
/// </summary>
public static class SafeFileName
{
    /// <summary>An uploaded file's name: a plain name, no path separators, no '..', no control characters.</summary>
    public static string? UploadProblem(string name)
    {
        if (string.IsNullOrWhiteSpace(name)) return "file name is empty";
        if (name.Contains('/') || name.Contains('\\')) return "file name contains a path separator";
        return CommonProblem(name);
    }

    /// <summary>An archive entry's path: relative, '/'-separated, no '..' segment, no backslash, no control characters.</summary>
    public static string? ArchiveEntryProblem(string entryPath)
    {
        if (string.IsNullOrWhiteSpace(entryPath)) return "entry name is empty";
        if (entryPath.StartsWith('/') || entryPath.Contains('\\') || (entryPath.Length > 1 && entryPath[1] == ':'))
            return "entry path is absolute or uses backslashes";
        return CommonProblem(entryPath);
    }

    private static string? CommonProblem(string name)
    {
        if (name.Split('/').Any(segment => segment == ".."))
            return "file name contains '..'";
        if (name.Any(char.IsControl)) return "file name contains control characters";
        if (name.Length > 255) return "file name is longer than 255 characters";
        return null;
    }

    /// <summary>Shows a name with its control characters escaped, so a message never carries them raw.</summary>
    public static string Printable(string name) =>
        string.Concat(name.Select(c => char.IsControl(c) ? $"\\u{(int)c:X4}" : c.ToString()));
}
