using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using RagAssistant.Accounts;
using RagAssistant.Storage.Sqlite;

namespace RagAssistant.Cli.Migration;

/// <summary>
/// The SQLite knowledge-base file <c>rag migrate</c> copies from, opened read-only and read in one transaction, so the
/// whole run copies one consistent state even while the web app keeps writing. Refuses a file that is not a
/// knowledge base of this version's schema (an older one is upgraded by opening it once with this version's <c>rag</c>:
/// migrating it here would mean writing to a file the user asked to read).
/// </summary>
internal sealed class MigrationSource : IDisposable
{
    private static readonly byte[] SqliteHeader = "SQLite format 3\0"u8.ToArray();
    private static readonly string[] KnowledgeBaseTables = ["libraries", "documents", "chunks"];

    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _snapshot;

    private MigrationSource(string path, SqliteConnection connection)
    {
        Path = path;
        _connection = connection;
        // Deferred: the first read takes the snapshot that every later read of this run sees.
        _snapshot = connection.BeginTransaction(deferred: true);
    }

    public string Path { get; }

    /// <summary>True when the file holds the account tables (a file only ever used by <c>rag ingest</c> has none).</summary>
    public bool HasAccounts => TableExists("AspNetUsers");

    /// <summary>Opens and checks <paramref name="path"/>; every refusal names <c>--from</c>, the file and the reason.</summary>
    public static MigrationSource Open(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (!File.Exists(full)) throw new CommandException($"--from {full}: no such file");
        if (!HasSqliteHeader(full)) throw new CommandException($"--from {full} is not a SQLite database");
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString());
        try
        {
            connection.Open();
            var source = new MigrationSource(full, connection);
            source.Check();
            return source;
        }
        catch (SqliteException ex)
        {
            connection.Dispose();
            throw new CommandException($"--from {full} cannot be read: {ex.Message}");
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static bool HasSqliteHeader(string path)
    {
        var header = new byte[SqliteHeader.Length];
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) == header.Length && header.AsSpan().SequenceEqual(SqliteHeader);
    }

    private void Check()
    {
        var missing = KnowledgeBaseTables.Where(t => !TableExists(t)).ToList();
        if (missing.Count > 0)
            throw new CommandException($"--from {Path} is a SQLite database but not a RagAssistant knowledge base (no table {string.Join(", ", missing)})");
        var version = System.Convert.ToInt32(Scalar("PRAGMA user_version"), CultureInfo.InvariantCulture);
        if (version < SqliteDatabase.SchemaVersion)
            throw new CommandException(
                $"--from {Path} has schema version {version}, older than this program's {SqliteDatabase.SchemaVersion}: open it once with this version's rag (rag docs list --db {Path}) so it is upgraded, then migrate it");
        if (version > SqliteDatabase.SchemaVersion)
            throw new CommandException(
                $"--from {Path} has schema version {version}, newer than this program's {SqliteDatabase.SchemaVersion}: it was written by a newer RagAssistant; migrate it with that version");
        if (!HasAccounts) return;
        var accounts = TableExists("account_schema") ? Scalar("SELECT max(version) FROM account_schema") : null;
        var accountsVersion = accounts is null or DBNull ? 0 : System.Convert.ToInt32(accounts, CultureInfo.InvariantCulture);
        if (accountsVersion != AccountsSchema.Version)
            throw new CommandException(
                $"--from {Path} has account tables of version {accountsVersion}, this program's are version {AccountsSchema.Version}: " +
                $"open it once with this version's rag (rag users list --db {Path}), then migrate it");
    }

    /// <summary>
    /// A stable id of the knowledge base in the file, kept by the target (<c>migrated_from</c>) so a second run knows it
    /// continues the same copy: a hash of its first library and first document, which a move or a copy of the file keeps.
    /// </summary>
    public string Identity()
    {
        var text = new StringBuilder();
        AppendFirstRow(text, "SELECT id, name, created_at FROM libraries ORDER BY id LIMIT 1");
        AppendFirstRow(text, "SELECT id, sha256, created_at FROM documents ORDER BY id LIMIT 1");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..32];
    }

    private void AppendFirstRow(StringBuilder text, string sql)
    {
        using var command = Command(sql);
        using var reader = command.ExecuteReader();
        if (!reader.Read()) { text.Append("none;"); return; }
        for (var i = 0; i < reader.FieldCount; i++) text.Append(System.Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)).Append('|');
        text.Append(';');
    }

    public bool TableExists(string table) =>
        Scalar("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = $name", ("$name", table)) is long n && n > 0;

    public IReadOnlyList<string> Columns(string table)
    {
        using var command = Command("SELECT name FROM pragma_table_info($table) ORDER BY cid", ("$table", table));
        using var reader = command.ExecuteReader();
        var columns = new List<string>();
        while (reader.Read()) columns.Add(reader.GetString(0));
        return columns;
    }

    public long Count(string table) => (long)Scalar($"SELECT count(*) FROM {Quote(table)}")!;

    /// <summary>The highest id SQLite's AUTOINCREMENT has handed out for <paramref name="table"/> (deleted rows included); 0 when none.</summary>
    public long Sequence(string table) =>
        TableExists("sqlite_sequence") && Scalar("SELECT seq FROM sqlite_sequence WHERE name = $name", ("$name", table)) is long seq ? seq : 0;

    /// <summary>Each embedding model of the stored vectors with its dimension (from the vector's length, as a row may predate the dimension column).</summary>
    public IReadOnlyList<(string Model, int Dimension)> VectorModels()
    {
        using var command = Command("SELECT DISTINCT model, length(vector) / 4 FROM chunks WHERE vector IS NOT NULL AND model IS NOT NULL ORDER BY model");
        using var reader = command.ExecuteReader();
        var models = new List<(string, int)>();
        while (reader.Read()) models.Add((reader.GetString(0), reader.GetInt32(1)));
        return models;
    }

    /// <summary>
    /// The totals FTS5's bm25() reads: rows and tokens of every chunk ever indexed, deleted ones too (a contentless-delete
    /// table never takes them back out). They sit in the averages record of <c>chunks_fts_data</c> (id 1): the row count,
    /// then each column's token total, as SQLite varints. Null when the record is missing or unreadable.
    /// </summary>
    public (long Rows, long Terms)? KeywordTotals()
    {
        if (!TableExists("chunks_fts_data") || Scalar("SELECT block FROM chunks_fts_data WHERE id = 1") is not byte[] block) return null;
        var position = 0;
        var values = new List<long>();
        while (position < block.Length) values.Add(ReadVarint(block, ref position));
        // The row count and one total per indexed column (context, text).
        return values.Count == 3 ? (values[0], values[1] + values[2]) : null;
    }

    /// <summary>SQLite's varint: big-endian groups of 7 bits, the high bit saying another byte follows; a ninth byte gives all 8 bits.</summary>
    private static long ReadVarint(byte[] bytes, ref int position)
    {
        long value = 0;
        for (var i = 0; i < 9 && position < bytes.Length; i++)
        {
            var b = bytes[position++];
            if (i == 8) return (value << 8) | b;
            value = (value << 7) | (long)(b & 0x7F);
            if ((b & 0x80) == 0) break;
        }
        return value;
    }

    /// <summary>Up to <paramref name="limit"/> rows of the plan's columns, in key order, after the key <paramref name="after"/> (null: from the first).</summary>
    public List<object?[]> ReadBatch(TablePlan plan, object?[]? after, int limit)
    {
        var keys = string.Join(", ", plan.Key.Select(k => plan.Columns[k].SourceExpression));
        var where = after is null ? "" : $"WHERE ({keys}) > ({string.Join(", ", plan.Key.Select((_, i) => $"$k{i}"))})";
        using var command = Command(
            $"SELECT {string.Join(", ", plan.Columns.Select(c => c.SourceExpression))} FROM {Quote(plan.Name)} {where} ORDER BY {keys} LIMIT $limit",
            ("$limit", limit));
        if (after is not null)
            for (var i = 0; i < after.Length; i++) command.Parameters.AddWithValue($"$k{i}", after[i] ?? DBNull.Value);
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>An identifier quoted for SQL (both engines read double quotes alike).</summary>
    public static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private SqliteCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var command = _connection.CreateCommand();
        command.Transaction = _snapshot;
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    private object? Scalar(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        return command.ExecuteScalar();
    }

    public void Dispose()
    {
        _snapshot.Dispose();
        _connection.Dispose();
    }
}
