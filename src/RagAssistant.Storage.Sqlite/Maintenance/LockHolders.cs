namespace RagAssistant.Storage.Sqlite;

/// <summary>
/// Which processes hold a file open, for a refusal that can say whom to stop. Linux only and best effort: it reads the
/// <c>/proc/PID/fd</c> links this account may read (its own processes; every process for root) and gives up quietly
/// elsewhere or on any error.
/// </summary>
internal static class LockHolders
{
    public sealed record Holder(int ProcessId, string CommandLine);

    public static IReadOnlyList<Holder> Find(string path)
    {
        if (!OperatingSystem.IsLinux() || !Directory.Exists("/proc")) return [];
        var holders = new List<Holder>();
        try
        {
            foreach (var process in Directory.EnumerateDirectories("/proc"))
            {
                if (!int.TryParse(System.IO.Path.GetFileName(process), out var pid) || pid == Environment.ProcessId) continue;
                if (HoldsOpen(process, path)) holders.Add(new Holder(pid, CommandLine(process)));
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
        return holders;
    }

    private static bool HoldsOpen(string process, string path)
    {
        try
        {
            return Directory.EnumerateFileSystemEntries(System.IO.Path.Combine(process, "fd"))
                .Any(fd => new FileInfo(fd).LinkTarget == path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false; // another account's process, or it ended meanwhile
        }
    }

    private static string CommandLine(string process)
    {
        try
        {
            var text = File.ReadAllText(System.IO.Path.Combine(process, "cmdline")).Replace('\0', ' ').Trim();
            return text.Length > 160 ? text[..160] + "…" : text;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }
}
