using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using RagAssistant.Core.Storage;

namespace RagAssistant.Storage.Sqlite;

/// <summary>
/// Opens connections to the knowledge-base file: checks that the file is a writable SQLite database, switches it
/// to WAL and runs missing migrations on first use. Failures become <see cref="KnowledgeBaseException"/>s that
/// name the file and the reason. From the first open on it holds the <see cref="KnowledgeBaseLock"/> shared until disposed,
/// so <c>rag restore</c> can tell that the file is in use.
/// </summary>
public sealed class SqliteDatabase : IDisposable
{
    private readonly string _connectionString;
    private readonly Lock _initLock = new();
    private bool _initialized;
    private KnowledgeBaseLock? _lock;

    public SqliteDatabase(IOptions<SqliteStorageOptions> options)
        : this(options.Value.DatabasePath, options.Value.BusyTimeoutSeconds)
    {
    }

    public SqliteDatabase(string databasePath, int busyTimeoutSeconds = 30)
    {
        DatabasePath = Path.GetFullPath(databasePath);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            // Seconds a writer waits for another writer (web ingestion and a CLI run may overlap).
            DefaultTimeout = busyTimeoutSeconds,
        }.ToString();
    }

    public string DatabasePath { get; }

    /// <summary>Opens a connection with foreign keys on; the first call also validates and migrates the file.</summary>
    public SqliteConnection Open()
    {
        EnsureInitialized();
        return OpenRaw();
    }

    private SqliteConnection OpenRaw()
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            using var pragma = connection.CreateCommand();
            pragma.CommandText = "PRAGMA foreign_keys = ON;";
            pragma.ExecuteNonQuery();
            return connection;
        }
        catch (SqliteException ex)
        {
            connection.Dispose();
            throw Translate(ex);
        }
    }

    private void EnsureInitialized()
    {
        lock (_initLock)
        {
            if (_initialized) return;
            CheckFile();
            _lock ??= KnowledgeBaseLock.AcquireShared(DatabasePath);
            using var connection = OpenRaw();
            try
            {
                Migrate(connection);
            }
            catch (SqliteException ex)
            {
                throw Translate(ex);
            }
            _initialized = true;
        }
    }

    /// <summary>Releases the shared <see cref="KnowledgeBaseLock"/> (pooled connections stay with the pool).</summary>
    public void Dispose()
    {
        lock (_initLock)
        {
            _lock?.Dispose();
            _lock = null;
            _initialized = false;
        }
    }

    /// <summary>Refuses files that are not SQLite or not writable before SQLite gets a chance to misreport them.</summary>
    private void CheckFile()
    {
        var directory = Path.GetDirectoryName(DatabasePath)!;
        if (!File.Exists(DatabasePath))
        {
            try
            {
                CreatePrivately(directory);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new KnowledgeBaseException($"cannot create database {DatabasePath}: {ex.Message}", ex);
            }
            return;
        }

        if (KnowledgeBaseFile.ReadHeader(DatabasePath) == KnowledgeBaseFile.Header.NotSqlite)
            throw new KnowledgeBaseException($"database file {DatabasePath} is not a SQLite database");

        // Root ignores permission bits, so SQLite would happily write a file the owner marked read-only: honour the mark.
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(DatabasePath) & UnixFileMode.UserWrite) == 0
            || (File.GetAttributes(DatabasePath) & FileAttributes.ReadOnly) != 0)
            throw new KnowledgeBaseException($"database file {DatabasePath} is read-only; make it writable or choose another file with --db");
    }

    /// <summary>
    /// Creates the database file readable and writable by its owner only (0600), in a folder others cannot list (0750
    /// when it is new), whatever the process umask: the file holds every library's text, password hashes and API-key
    /// hashes. SQLite gives the -wal and -shm files the database file's mode. An empty file is a valid new database.
    /// </summary>
    private void CreatePrivately(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
            return;
        }
        if (!Directory.Exists(directory))
            Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupExecute);
        try
        {
            using var _ = new FileStream(DatabasePath, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                Share = FileShare.ReadWrite,
                UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            });
        }
        catch (IOException) when (File.Exists(DatabasePath))
        {
            // Another process (the web app and the rag command starting together) created it first.
        }
    }

    /// <summary>The schema version this program writes (<c>PRAGMA user_version</c> after every migration has run).</summary>
    public static int SchemaVersion => SchemaMigrations.All.Count;

    private void Migrate(SqliteConnection connection)
    {
        Execute(connection, "PRAGMA journal_mode = WAL;");
        var current = Convert.ToInt32(Scalar(connection, "PRAGMA user_version;"), System.Globalization.CultureInfo.InvariantCulture);
        // A newer program may have changed tables this one would misread or damage: refuse rather than guess.
        if (current > SchemaVersion)
            throw new KnowledgeBaseException(
                $"database file {DatabasePath} has schema version {current}, newer than this program's {SchemaMigrations.All.Count}: " +
                "it was written by a newer RagAssistant; run that version (or restore a backup made for this one)");
        if (current == SchemaMigrations.All.Count) return;

        // Foreign keys are off while tables are rebuilt (dropping a parent would otherwise cascade to its children); the
        // pragma cannot change inside a transaction, so it is set around it, and every key is checked before commit.
        Execute(connection, "PRAGMA foreign_keys = OFF;");
        try
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            // Read again under the write lock: another process opening the same new file may have migrated it meanwhile.
            current = Convert.ToInt32(Scalar(connection, "PRAGMA user_version;", transaction), System.Globalization.CultureInfo.InvariantCulture);
            for (var i = current; i < SchemaMigrations.All.Count; i++)
                Execute(connection, SchemaMigrations.All[i] + $"\nPRAGMA user_version = {i + 1};", transaction);
            if (Scalar(connection, "PRAGMA foreign_key_check;", transaction) is not null)
                throw new KnowledgeBaseException($"database file {DatabasePath}: migrating to schema version {SchemaMigrations.All.Count} broke a foreign key; nothing was changed");
            transaction.Commit();
        }
        finally
        {
            Execute(connection, "PRAGMA foreign_keys = ON;");
        }
    }

    private static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    internal KnowledgeBaseException Translate(SqliteException ex) => ex.SqliteErrorCode switch
    {
        26 => new KnowledgeBaseException($"database file {DatabasePath} is not a SQLite database", ex),        // SQLITE_NOTADB
        8 => new KnowledgeBaseException($"database file {DatabasePath} is read-only", ex),                       // SQLITE_READONLY
        14 => new KnowledgeBaseException($"cannot open database file {DatabasePath}: {ex.Message}", ex),        // SQLITE_CANTOPEN
        11 => new KnowledgeBaseException($"database file {DatabasePath} is corrupt: {ex.Message}", ex),         // SQLITE_CORRUPT
        13 => new KnowledgeBaseException($"disk full while writing database {DatabasePath}", ex),               // SQLITE_FULL
        _ => new KnowledgeBaseException($"database {DatabasePath}: {ex.Message}", ex),
    };
}
