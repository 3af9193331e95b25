using RagAssistant.Core.Storage;

namespace RagAssistant.Storage.Sqlite;

/// <summary>
/// The lock file beside the knowledge base (<c>rag.db.lock</c>), used as a readers–writer lock between processes.
/// Every process that opens the database through <see cref="SqliteDatabase"/> (the web app for its whole life, each
/// <c>rag</c> command while it runs) holds it shared; <c>rag restore</c> takes it exclusively, so it cannot replace the
/// file under a running app, and nothing opens the file while it is being replaced.
/// </summary>
/// <remarks>
/// The lock is the operating system's, tied to an open handle: a killed process releases it, so a stale file never blocks.
/// On Linux and macOS .NET takes it with <c>flock</c> (a handle opened with <see cref="FileShare.None"/> takes
/// <c>LOCK_EX</c>, any other sharing <c>LOCK_SH</c>); on Windows the share modes themselves exclude each other. The file is
/// empty and stays in place (deleting it would let a new holder lock a new file while an old one still holds the old one).
/// SQLite's own locks cannot serve: pooled connections are closed after a while of idleness, so an idle app would look
/// absent. Programs other than RagAssistant (a sqlite3 shell) do not take this lock.
/// </remarks>
public sealed class KnowledgeBaseLock : IDisposable
{
    private readonly FileStream _handle;

    private KnowledgeBaseLock(string path, FileStream handle)
    {
        Path = path;
        _handle = handle;
    }

    /// <summary>The lock file's full path.</summary>
    public string Path { get; }

    public static string PathFor(string databasePath) => System.IO.Path.GetFullPath(databasePath) + ".lock";

    /// <summary>
    /// Takes the lock shared (many holders at once). Null when the lock file cannot be created (a folder the process may
    /// not write, where it could not change the database either); throws while a restore holds it exclusively.
    /// </summary>
    public static KnowledgeBaseLock? AcquireShared(string databasePath)
    {
        var path = PathFor(databasePath);
        try
        {
            return new KnowledgeBaseLock(path, Open(path, FileShare.ReadWrite));
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
        catch (IOException) when (File.Exists(path))
        {
            throw new KnowledgeBaseException(
                $"database file {System.IO.Path.GetFullPath(databasePath)} is being replaced by 'rag restore' (it holds {path}); try again when it has finished");
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Takes the lock exclusively, or returns null while any other process (or handle) holds it.</summary>
    public static KnowledgeBaseLock? TryAcquireExclusive(string databasePath)
    {
        var path = PathFor(databasePath);
        try
        {
            return new KnowledgeBaseLock(path, Open(path, FileShare.None));
        }
        catch (IOException) when (File.Exists(path))
        {
            return null;
        }
    }

    /// <summary>Read access is enough to lock, and lets any account that may use the database open the file (0644, empty).</summary>
    private static FileStream Open(string path, FileShare share)
    {
        var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.Read, Share = share };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        return new FileStream(path, options);
    }

    public void Dispose() => _handle.Dispose();
}
