using Microsoft.Data.Sqlite;
using RagAssistant.Core.Storage;

namespace RagAssistant.Storage.Sqlite;

/// <summary>
/// Online backup of the whole knowledge-base file — documents, chunks and vectors, originals, conversations, and the
/// accounts and audit tables that live in the same file — while the web app or a <c>rag</c> command keeps writing.
/// </summary>
/// <remarks>
/// <para><b>Why VACUUM INTO.</b> It copies from one read transaction, so the copy is a consistent snapshot: every
/// transaction committed before it began (including those still only in the <c>-wal</c> file), none committed after,
/// nothing of one still open. In WAL mode a reader blocks no writer, so ingestion goes on meanwhile. The copy is a single
/// compacted file in rollback-journal mode (no <c>-wal</c> to carry along); the next open switches it back to WAL.</para>
/// <para><b>Never a half-written backup under the final name.</b> The copy is written to a hidden temporary name in the
/// target folder (created 0600: the file holds password and API-key hashes), verified with <c>PRAGMA quick_check</c>,
/// flushed to disk, then renamed into place — a rename within one folder is atomic.</para>
/// </remarks>
public sealed class KnowledgeBaseBackup(SqliteDatabase database, TimeProvider time)
{
    /// <summary>Writes a backup to <paramref name="targetPath"/>; an existing file is replaced only when <paramref name="overwrite"/>.</summary>
    /// <exception cref="KnowledgeBaseException">The database is missing or unreadable, or the target cannot be written; the message names the file and why.</exception>
    public BackupResult Create(string targetPath, bool overwrite = false, CancellationToken cancellationToken = default)
    {
        var target = Path.GetFullPath(targetPath);
        var folder = Path.GetDirectoryName(target)!;
        var source = database.DatabasePath;
        if (!File.Exists(source))
            throw new KnowledgeBaseException($"database file {source} does not exist: there is nothing to back up");
        if (string.Equals(target, source, StringComparison.Ordinal) || target.StartsWith(source + "-", StringComparison.Ordinal))
            throw new KnowledgeBaseException($"cannot back up {source} onto itself; choose another file");
        if (!Directory.Exists(folder))
            throw new KnowledgeBaseException($"cannot write backup {target}: folder {folder} does not exist");
        if (Directory.Exists(target))
            throw new KnowledgeBaseException($"cannot write backup {target}: it is a folder");
        if (File.Exists(target) && !overwrite)
            throw new KnowledgeBaseException($"backup file {target} already exists; choose another name, or pass --force to replace it");
        if (!KnowledgeBaseFile.IsWritableFolder(folder))
            throw new KnowledgeBaseException($"cannot write backup {target}: folder {folder} is not writable");

        var temporary = Path.Combine(folder, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.partial");
        CreatePrivately(temporary, target, folder);
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            using (var connection = database.Open())
            {
                try
                {
                    KnowledgeBaseFile.Execute(connection, "VACUUM INTO $path", ("$path", temporary));
                }
                catch (SqliteException ex) when (ex.SqliteErrorCode == 13) // SQLITE_FULL
                {
                    throw new KnowledgeBaseException($"cannot write backup {target}: the disk holding {folder} is full", ex);
                }
                catch (SqliteException ex) when (ex.SqliteErrorCode is 14 or 10) // SQLITE_CANTOPEN, SQLITE_IOERR
                {
                    throw new KnowledgeBaseException($"cannot write backup {target}: {ex.Message}", ex);
                }
                catch (SqliteException ex)
                {
                    throw database.Translate(ex);
                }
            }
            var (documents, chunks) = Verify(temporary, target);
            KnowledgeBaseFile.Flush(temporary);
            try
            {
                File.Move(temporary, target, overwrite);
            }
            catch (IOException ex) when (!overwrite && File.Exists(target))
            {
                throw new KnowledgeBaseException($"backup file {target} already exists; choose another name, or pass --force to replace it", ex);
            }
            return new BackupResult(source, target, new FileInfo(target).Length, documents, chunks, time.GetUtcNow());
        }
        finally
        {
            KnowledgeBaseFile.TryDelete(temporary);
        }
    }

    private static void CreatePrivately(string temporary, string target, string folder)
    {
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            using var _ = new FileStream(temporary, options);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new KnowledgeBaseException($"cannot write backup {target}: folder {folder} is not writable ({ex.Message})", ex);
        }
    }

    /// <summary>Checks the copy's pages (quick_check: every page readable and well formed) and counts what it holds.</summary>
    private static (long Documents, long Chunks) Verify(string temporary, string target)
    {
        try
        {
            using var copy = KnowledgeBaseFile.OpenDirect(temporary, SqliteOpenMode.ReadOnly);
            var problems = KnowledgeBaseFile.Texts(copy, "PRAGMA quick_check(5)");
            if (problems is not ["ok"])
                throw new KnowledgeBaseException($"backup {target} failed its check and was not kept: {string.Join("; ", problems)}");
            return (KnowledgeBaseFile.Count(copy, "SELECT count(*) FROM documents"), KnowledgeBaseFile.Count(copy, "SELECT count(*) FROM chunks"));
        }
        catch (SqliteException ex)
        {
            throw new KnowledgeBaseException($"backup {target} could not be read back and was not kept: {ex.Message}", ex);
        }
    }
}
