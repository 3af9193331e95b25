namespace RagAssistant.Ingestion;

/// <summary>A file to ingest: where it is, how it is named in the knowledge base, and whether the user named it.</summary>
/// <param name="Explicit">True when the user named this file; false when it was found by walking a folder.</param>
public sealed record SourceFile(string FullPath, string Source, bool Explicit);

/// <summary>Expands command-line paths into files: folders recursively, in ordinal name order, hidden entries skipped.</summary>
public static class SourceFiles
{
    public static IReadOnlyList<SourceFile> Expand(IEnumerable<string> paths, string? workingDirectory = null)
    {
        var cwd = Path.GetFullPath(workingDirectory ?? Directory.GetCurrentDirectory());
        var files = new List<SourceFile>();
        foreach (var path in paths)
        {
            var full = Path.GetFullPath(path, cwd);
            if (Directory.Exists(full))
            {
                var options = new EnumerationOptions
                {
                    RecurseSubdirectories = true,
                    AttributesToSkip = FileAttributes.Hidden | FileAttributes.System | FileAttributes.ReparsePoint,
                    IgnoreInaccessible = true,
                };
                files.AddRange(Directory.EnumerateFiles(full, "*", options)
                    .Where(f => !IsHidden(Path.GetRelativePath(full, f)))
                    .Order(StringComparer.Ordinal)
                    .Select(f => new SourceFile(f, SourceName(f, cwd), Explicit: false)));
            }
            else
            {
                files.Add(new SourceFile(full, SourceName(full, cwd), Explicit: true));
            }
        }
        return files;
    }

    /// <summary>The path relative to the working directory when inside it ('/'-separated), else the full path.</summary>
    public static string SourceName(string fullPath, string workingDirectory)
    {
        var relative = Path.GetRelativePath(workingDirectory, fullPath);
        var inside = relative != ".." && !relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) && !Path.IsPathRooted(relative);
        return (inside ? relative : fullPath).Replace('\\', '/');
    }

    // Dot-files and dot-folders (.git, .DS_Store, editor swap files) are never documents.
    private static bool IsHidden(string relativePath) =>
        relativePath.Split(Path.DirectorySeparatorChar).Any(segment => segment.StartsWith('.'));
}
