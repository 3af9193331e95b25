namespace RagAssistant.Cli;

/// <summary>Reads a password from a file (<c>--password-file</c>) so it stays out of the shell history and process list.</summary>
internal static class PasswordFile
{
    /// <summary>The first line of a password file, trimmed; null when no file was given.</summary>
    public static string? Read(string? path)
    {
        if (path is null) return null;
        string? first;
        try
        {
            first = File.ReadLines(path).FirstOrDefault();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CommandException($"cannot read password file {path}: {ex.Message}");
        }
        return string.IsNullOrWhiteSpace(first) ? throw new CommandException($"password file {path}: the first line is empty") : first.Trim();
    }
}
