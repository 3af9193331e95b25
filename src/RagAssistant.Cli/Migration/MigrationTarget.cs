using System.Globalization;
using Npgsql;
using RagAssistant.Accounts;
using RagAssistant.Core.Storage;
using RagAssistant.Storage.Postgres;

namespace RagAssistant.Cli.Migration;

/// <summary>What the target records about the copy it holds (<c>migrated_from</c>).</summary>
internal sealed record MigratedFrom(string SourcePath, string SourceId, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt);

/// <summary>
/// The PostgreSQL database <c>rag migrate</c> copies into: checked before anything is written (reachable; empty, or holding
/// a copy of this same source), then migrated to the current schema, and told which source it receives
/// (<c>migrated_from</c>, one row), so an interrupted copy resumes and a foreign one is refused.
/// </summary>
internal sealed class MigrationTarget(string connectionString, PostgresDatabase database, AccountsSchema accounts)
{
    // The tables whose rows say "this database already holds a knowledge base or accounts".
    private static readonly string[] Occupied = ["libraries", "documents", "chunks", "conversations", "ingest_jobs", "feedback_marks", "AspNetUsers"];

    public string Name => database.Name;

    /// <summary>
    /// Reads the target without writing: null for an empty database (or one with an empty schema), the record of an earlier
    /// run of this same source; throws when it is unreachable or holds anything else.
    /// </summary>
    public async Task<MigratedFrom?> CheckAsync(string sourcePath, string sourceId, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        try
        {
            await connection.OpenAsync(ct);
            if (await ExistsAsync(connection, "migrated_from", ct))
            {
                var record = await ReadRecordAsync(connection, ct);
                if (record is not null && record.SourceId != sourceId)
                    throw new CommandException(record.SourcePath == sourcePath
                        ? $"--to {Name} holds a copy of another knowledge base that was at {sourcePath} (its first library or document differs: the file was replaced since): migrate into an empty database (createdb)"
                        : $"--to {Name} holds the knowledge base migrated from {record.SourcePath}, not from {sourcePath}: migrate into an empty database (createdb), or drop that one first");
                if (record is not null) return record;
            }
            foreach (var table in Occupied)
            {
                if (!await ExistsAsync(connection, table, ct)) continue;
                if (await ScalarAsync(connection, $"SELECT EXISTS (SELECT 1 FROM {MigrationSource.Quote(table)})", ct) is true)
                    throw new CommandException(
                        $"--to {Name} already holds a knowledge base or accounts (table {table} has rows) that were not migrated from {sourcePath}: migrate into an empty database (createdb)");
            }
            return null;
        }
        catch (Exception ex) when (ex is NpgsqlException or PostgresException)
        {
            throw Failure(ex);
        }
    }

    /// <summary>
    /// Creates or migrates the schema (the knowledge base's and, when the source has accounts, the account tables without
    /// their default roles: the source's roles come with their ids) and records the source on a first run.
    /// </summary>
    public async Task PrepareAsync(string sourcePath, string sourceId, bool withAccounts, bool firstRun, CancellationToken ct)
    {
        try
        {
            await database.EnsureMigratedAsync(ct);
            if (withAccounts) await accounts.EnsureTablesAsync(ct);
            await using var connection = await database.OpenAsync(ct);
            await using var transaction = await connection.BeginTransactionAsync(ct);
            // Kept out of the schema migrations: only a migrated database has it, and nothing but rag migrate reads it.
            await ExecuteAsync(connection, """
                CREATE TABLE IF NOT EXISTS migrated_from (
                    id           integer PRIMARY KEY CHECK (id = 1),
                    source_path  text NOT NULL,
                    source_id    text NOT NULL,
                    started_at   timestamptz NOT NULL,
                    finished_at  timestamptz
                )
                """, ct);
            await ExecuteAsync(connection, "INSERT INTO migrated_from VALUES (1, @path, @id, now(), NULL) ON CONFLICT (id) DO NOTHING", ct,
                ("path", sourcePath), ("id", sourceId));
            // A web app started on the empty target made its three roles with ids of its own (no user holds them yet, as
            // CheckAsync saw): they go, so the source's roles arrive with the ids its users' role rows name.
            if (firstRun && withAccounts)
                await ExecuteAsync(connection, "DELETE FROM \"AspNetRoleClaims\"; DELETE FROM \"AspNetRoles\"", ct);
            await transaction.CommitAsync(ct);
        }
        catch (Exception ex) when (ex is NpgsqlException or PostgresException)
        {
            throw Failure(ex);
        }
        catch (KnowledgeBaseException ex)
        {
            throw new CommandException($"--to: {ex.Message}");
        }
    }

    /// <summary>Each column of <paramref name="table"/> with its type, in table order.</summary>
    public async Task<IReadOnlyList<(string Name, string Type, bool Identity)>> ColumnsAsync(NpgsqlConnection connection, string table, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            SELECT column_name, udt_name, is_identity = 'YES' FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name = @table ORDER BY ordinal_position
            """, connection);
        command.Parameters.AddWithValue("table", table);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var columns = new List<(string, string, bool)>();
        while (await reader.ReadAsync(ct)) columns.Add((reader.GetString(0), reader.GetString(1), reader.GetBoolean(2)));
        return columns;
    }

    /// <summary>The columns of <paramref name="table"/>'s primary key, in key order.</summary>
    public async Task<IReadOnlyList<string>> PrimaryKeyAsync(NpgsqlConnection connection, string table, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            SELECT a.attname FROM pg_index i
            JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
            WHERE i.indrelid = to_regclass(@table) AND i.indisprimary
            ORDER BY array_position(i.indkey::int2[], a.attnum)
            """, connection);
        command.Parameters.AddWithValue("table", MigrationSource.Quote(table));
        await using var reader = await command.ExecuteReaderAsync(ct);
        var key = new List<string>();
        while (await reader.ReadAsync(ct)) key.Add(reader.GetString(0));
        return key;
    }

    /// <summary>
    /// The greatest key copied so far (null: none), in the order the source reads: text compared byte by byte (COLLATE "C"),
    /// as SQLite's BINARY collation compares UTF-8.
    /// </summary>
    public static async Task<object?[]?> LastKeyAsync(NpgsqlConnection connection, TablePlan plan, CancellationToken ct)
    {
        var keys = plan.Key.Select(k => plan.Columns[k]).ToList();
        var order = string.Join(", ", keys.Select(c => MigrationSource.Quote(c.Name) + (c.PostgresType is "text" or "varchar" ? " COLLATE \"C\"" : "") + " DESC"));
        await using var command = new NpgsqlCommand(
            $"SELECT {string.Join(", ", keys.Select(c => MigrationSource.Quote(c.Name)))} FROM {MigrationSource.Quote(plan.Name)} ORDER BY {order} LIMIT 1", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        var values = new object?[keys.Count];
        for (var i = 0; i < values.Length; i++) values[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
        return values;
    }

    public static async Task<long> CountAsync(NpgsqlConnection connection, string table, CancellationToken ct) =>
        (long)(await ScalarAsync(connection, $"SELECT count(*) FROM {MigrationSource.Quote(table)}", ct))!;

    /// <summary>
    /// Moves an identity column's sequence past the copied ids and past every id SQLite had handed out
    /// (<paramref name="sourceSequence"/>, deleted rows included), so an id is never given twice: a feedback mark or a
    /// citation naming a deleted chunk's id never comes to name a new chunk.
    /// </summary>
    public static async Task SetSequenceAsync(NpgsqlConnection connection, string table, string column, long sourceSequence, CancellationToken ct)
    {
        var quotedTable = MigrationSource.Quote(table);
        var max = await ScalarAsync(connection, $"SELECT max({MigrationSource.Quote(column)}) FROM {quotedTable}", ct) is { } m ? System.Convert.ToInt64(m, CultureInfo.InvariantCulture) : 0;
        var last = Math.Max(max, sourceSequence);
        if (last < 1) return;
        await ExecuteAsync(connection, "SELECT setval(pg_get_serial_sequence(@table, @column), @last)", ct,
            ("table", quotedTable), ("column", column), ("last", last));
    }

    public static Task MarkFinishedAsync(NpgsqlConnection connection, CancellationToken ct) =>
        ExecuteAsync(connection, "UPDATE migrated_from SET finished_at = coalesce(finished_at, now()) WHERE id = 1", ct);

    public static async Task<MigratedFrom?> ReadRecordAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT source_path, source_id, started_at, finished_at FROM migrated_from WHERE id = 1", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        return new MigratedFrom(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2),
            reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3));
    }

    private static async Task<bool> ExistsAsync(NpgsqlConnection connection, string table, CancellationToken ct) =>
        await ScalarAsync(connection, $"SELECT to_regclass('{MigrationSource.Quote(table).Replace("'", "''", StringComparison.Ordinal)}') IS NOT NULL", ct) is true;

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync(ct);
        return value is DBNull ? null : value;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>A failure reaching or reading the server, naming <c>--to</c> and the database (never the password).</summary>
    public CommandException Failure(Exception ex) => ex switch
    {
        PostgresException { SqlState: "3D000" } => new($"--to {Name} does not exist; create it first (createdb)"),
        PostgresException { SqlState: "28P01" or "28000" } => new($"--to {Name} refused the user name or password"),
        PostgresException pg => new($"--to {Name}: {pg.MessageText}"),
        NpgsqlException { InnerException: System.Net.Sockets.SocketException socket } => new($"--to: cannot reach {Name}: {socket.Message}"),
        _ => new($"--to: cannot reach {Name}: {ex.Message}"),
    };
}
