using Microsoft.Data.Sqlite;

namespace RagAssistant.Storage.Sqlite;

/// <summary>Small file-level helpers shared by opening, backup, restore and check.</summary>
internal static class KnowledgeBaseFile
{
    private static readonly byte[] SqliteHeader = "SQLite format 3\0"u8.ToArray();

    public enum Header { Empty, Sqlite, NotSqlite }

    /// <summary>What the file's first 16 bytes say it is (an empty file is a valid new database to SQLite).</summary>
    public static Header ReadHeader(string path)
    {
        var header = new byte[SqliteHeader.Length];
        int read;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
            read = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        if (read == 0) return Header.Empty;
        return read == header.Length && header.AsSpan().SequenceEqual(SqliteHeader) ? Header.Sqlite : Header.NotSqlite;
    }

    /// <summary>
    /// A connection of its own to <paramref name="path"/>, outside the pool (so the file is closed — and a WAL folded in —
    /// when it is disposed), that never creates the file.
    /// </summary>
    public static SqliteConnection OpenDirect(string path, SqliteOpenMode mode = SqliteOpenMode.ReadWrite)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = mode,
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString());
        try
        {
            connection.Open();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public static object? Scalar(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return command.ExecuteScalar();
    }

    public static long Count(SqliteConnection connection, string sql) => Convert.ToInt64(Scalar(connection, sql), System.Globalization.CultureInfo.InvariantCulture);

    public static int Execute(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return command.ExecuteNonQuery();
    }

    /// <summary>Every row of a one-column (or first-column) query, as text.</summary>
    public static List<string> Texts(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read()) rows.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture) ?? "");
        return rows;
    }

    public static bool HasTable(SqliteConnection connection, string name) =>
        Count(connection, $"SELECT count(*) FROM sqlite_master WHERE name = '{name}'") > 0;

    /// <summary>Deletes a file if it is there, ignoring a failure (clean-up after an error that is already being reported).</summary>
    public static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
    }

    /// <summary>Forces a file's bytes to the disk before it is renamed into place.</summary>
    public static void Flush(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
        stream.Flush(flushToDisk: true);
    }

    /// <summary>Honours the owner's write bit on a folder (root ignores permission bits, as SqliteDatabase notes for the file).</summary>
    public static bool IsWritableFolder(string folder) =>
        OperatingSystem.IsWindows() || (File.GetUnixFileMode(folder) & UnixFileMode.UserWrite) != 0;
}
