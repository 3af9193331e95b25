using System.Globalization;
using Microsoft.Data.Sqlite;
using RagAssistant.Core.Storage;

namespace RagAssistant.Storage.Sqlite;

/// <summary>
/// Replaces the knowledge-base file with a backup, refusing while any RagAssistant process has it open.
/// </summary>
/// <remarks>
/// The steps, each for a reason:
/// <list type="number">
/// <item>Take <see cref="KnowledgeBaseLock"/> exclusively — refused while the web app or a <c>rag</c> command holds it
/// shared — and hold it to the end, so nothing opens the file half-way.</item>
/// <item>Copy the backup (and its <c>-wal</c>, when it has one: a file kept by an earlier restore) to a hidden name
/// beside the database, and check the copy, never the user's file: a SQLite knowledge base, of a schema this program
/// knows (not newer, for the knowledge base and the account tables), passing <c>integrity_check</c> and
/// <c>foreign_key_check</c>. Any failure stops here with nothing replaced. The copy is then folded into one file.</item>
/// <item>Keep the current database as <c>NAME.before-restore-TIMESTAMP</c>, with its <c>-wal</c> beside it (the pair
/// opens as it was), copied rather than moved so the database name is never missing.</item>
/// <item>Remove the current <c>-wal</c> and <c>-shm</c> — SQLite would otherwise replay the old log onto the restored file —
/// and rename the checked copy over the database (atomic within one folder).</item>
/// </list>
/// An older schema is fine: the first open migrates it, as for any older file.
/// </remarks>
public static class KnowledgeBaseRestore
{
    /// <param name="accountsSchemaVersion">The account tables' version this program knows (<c>account_schema.version</c>); a newer backup is refused.</param>
    public static RestoreResult Restore(string backupPath, string databasePath, int accountsSchemaVersion, TimeProvider time)
    {
        var backup = Path.GetFullPath(backupPath);
        var database = Path.GetFullPath(databasePath);
        if (Directory.Exists(backup)) throw new KnowledgeBaseException($"backup file {backup} is a folder, not a backup");
        if (!File.Exists(backup)) throw new KnowledgeBaseException($"backup file {backup} does not exist");
        if (string.Equals(backup, database, StringComparison.Ordinal))
            throw new KnowledgeBaseException($"backup file {backup} is the database itself; restore from a backup file");
        switch (KnowledgeBaseFile.ReadHeader(backup))
        {
            case KnowledgeBaseFile.Header.Empty: throw new KnowledgeBaseException($"backup file {backup} is empty");
            case KnowledgeBaseFile.Header.NotSqlite: throw new KnowledgeBaseException($"backup file {backup} is not a SQLite database");
        }

        var folder = Path.GetDirectoryName(database)!;
        // A new folder is created as SqliteDatabase creates one: others may not list it (0750).
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(folder);
        else if (!Directory.Exists(folder))
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupExecute);
        using var exclusive = KnowledgeBaseLock.TryAcquireExclusive(database) ?? throw InUse(database);

        var staged = Path.Combine(folder, $".{Path.GetFileName(database)}.restore-{Guid.NewGuid():N}");
        try
        {
            File.Copy(backup, staged);
            if (File.Exists(backup + "-wal")) File.Copy(backup + "-wal", staged + "-wal");
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(staged, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            var (documents, chunks, version) = Check(staged, backup, accountsSchemaVersion);
            KnowledgeBaseFile.Flush(staged);

            string? previous = null;
            if (File.Exists(database))
            {
                previous = KeepPrevious(database, time);
                File.Delete(database + "-wal");
                KnowledgeBaseFile.TryDelete(database + "-shm");
            }
            File.Move(staged, database, overwrite: true);
            return new RestoreResult(database, backup, previous, documents, chunks, version);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new KnowledgeBaseException($"cannot restore {backup} into {database}: {ex.Message}", ex);
        }
        finally
        {
            KnowledgeBaseFile.TryDelete(staged);
            KnowledgeBaseFile.TryDelete(staged + "-wal");
            KnowledgeBaseFile.TryDelete(staged + "-shm");
            KnowledgeBaseFile.TryDelete(staged + "-journal");
        }
    }

    private static KnowledgeBaseException InUse(string database)
    {
        var holders = LockHolders.Find(KnowledgeBaseLock.PathFor(database));
        var who = holders.Count == 0
            ? "a running RagAssistant web app or rag command"
            : string.Join(", ", holders.Select(h => $"process {h.ProcessId} ({h.CommandLine})"));
        var kill = holders.Count == 0 ? "" : $", or 'kill {string.Join(' ', holders.Select(h => h.ProcessId))}'";
        return new KnowledgeBaseException(
            $"database {database} is in use by {who} (it holds {KnowledgeBaseLock.PathFor(database)}); nothing was replaced. " +
            $"Stop the web app first (Ctrl+C where it runs, 'systemctl stop ragassistant' for the service, " +
            $"'docker compose -f infra/docker/compose.yaml stop' for the container{kill}), let running rag commands finish, then run rag restore again");
    }

    /// <summary>Opens the staged copy (not the user's file) and refuses anything this program should not put in place.</summary>
    private static (long Documents, long Chunks, int Version) Check(string staged, string backup, int accountsSchemaVersion)
    {
        try
        {
            using var connection = KnowledgeBaseFile.OpenDirect(staged);
            var version = Convert.ToInt32(KnowledgeBaseFile.Scalar(connection, "PRAGMA user_version"), CultureInfo.InvariantCulture);
            if (version > SqliteDatabase.SchemaVersion)
                throw new KnowledgeBaseException(
                    $"backup file {backup} has schema version {version}, newer than this program's {SqliteDatabase.SchemaVersion}: " +
                    "it was made by a newer RagAssistant; restore it with that version");
            if (version == 0 || !KnowledgeBaseFile.HasTable(connection, "documents") || !KnowledgeBaseFile.HasTable(connection, "chunks"))
                throw new KnowledgeBaseException($"backup file {backup} is a SQLite database but not a RagAssistant knowledge base (no documents and chunks tables)");
            if (KnowledgeBaseFile.HasTable(connection, "account_schema")
                && KnowledgeBaseFile.Scalar(connection, "SELECT max(version) FROM account_schema") is long accounts && accounts > accountsSchemaVersion)
                throw new KnowledgeBaseException(
                    $"backup file {backup} has account tables of version {accounts}, newer than this program's {accountsSchemaVersion}: " +
                    "it was made by a newer RagAssistant; restore it with that version");

            var integrity = KnowledgeBaseFile.Texts(connection, "PRAGMA integrity_check(10)");
            if (integrity is not ["ok"])
                throw new KnowledgeBaseException($"backup file {backup} fails the integrity check, nothing was replaced: {string.Join("; ", integrity)}");
            var keys = KnowledgeBaseFile.Count(connection, "SELECT count(*) FROM pragma_foreign_key_check");
            if (keys > 0)
                throw new KnowledgeBaseException($"backup file {backup} has {keys} rows whose foreign key points at nothing (see rag check); nothing was replaced");

            var counts = (KnowledgeBaseFile.Count(connection, "SELECT count(*) FROM documents"), KnowledgeBaseFile.Count(connection, "SELECT count(*) FROM chunks"));
            // One self-contained file: a -wal copied along is folded in; the first open switches back to WAL.
            KnowledgeBaseFile.Scalar(connection, "PRAGMA journal_mode = DELETE");
            return (counts.Item1, counts.Item2, version);
        }
        catch (SqliteException ex)
        {
            throw ex.SqliteErrorCode switch
            {
                26 => new KnowledgeBaseException($"backup file {backup} is not a SQLite database", ex),
                11 => new KnowledgeBaseException($"backup file {backup} is corrupt ({ex.Message}); nothing was replaced", ex),
                _ => new KnowledgeBaseException($"cannot read backup file {backup}: {ex.Message}", ex),
            };
        }
    }

    /// <summary>Copies the database (and its -wal) to <c>NAME.before-restore-yyyyMMddTHHmmssZ</c>, numbered if that exists.</summary>
    private static string KeepPrevious(string database, TimeProvider time)
    {
        var stamp = time.GetUtcNow().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var previous = $"{database}.before-restore-{stamp}";
        for (var n = 2; File.Exists(previous); n++) previous = $"{database}.before-restore-{stamp}-{n}";
        File.Copy(database, previous);
        if (File.Exists(database + "-wal")) File.Copy(database + "-wal", previous + "-wal");
        return previous;
    }
}
