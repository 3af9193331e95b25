using Microsoft.Extensions.Options;
using Npgsql;
using Pgvector.Npgsql;
using RagAssistant.Core.Storage;

namespace RagAssistant.Storage.Postgres;

/// <summary>
/// Opens connections to a PostgreSQL knowledge base: one pooled <see cref="NpgsqlDataSource"/> with pgvector's types,
/// and on first use the missing migrations of <see cref="PostgresSchema"/>, run under an advisory lock so that
/// several app instances starting together migrate once. Failures become <see cref="KnowledgeBaseException"/>s that
/// name the server and database (never the password) and the reason.
/// </summary>
public sealed class PostgresDatabase : IAsyncDisposable, IDisposable
{
    // Any fixed number works: it only has to be the same for every instance of this program on one database.
    private const long MigrationLockKey = 0x5241475F4B42; // "RAG_KB"

    private readonly NpgsqlDataSource _dataSource;
    private readonly SemaphoreSlim _initLock = new(1, 1);
    private volatile bool _initialized;

    public PostgresDatabase(IOptions<PostgresStorageOptions> options)
        : this(options.Value.ConnectionString)
    {
    }

    public PostgresDatabase(string connectionString)
    {
        NpgsqlConnectionStringBuilder parsed;
        try
        {
            parsed = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException ex)
        {
            throw new KnowledgeBaseException($"Rag:Storage:ConnectionString is not an Npgsql connection string: {ex.Message}", ex);
        }
        Name = $"PostgreSQL database {parsed.Database ?? parsed.Username ?? "?"} on {parsed.Host ?? "localhost"}:{parsed.Port}";
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.UseVector();
        _dataSource = builder.Build();
    }

    /// <summary>What messages call the database: server, port and database name.</summary>
    public string Name { get; }

    /// <summary>The schema version this program writes (rows of <c>schema_version</c> after every migration has run).</summary>
    public static int SchemaVersion => PostgresSchema.All.Count;

    /// <summary>Opens a pooled connection; the first call also migrates the database.</summary>
    public async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        await EnsureMigratedAsync(cancellationToken);
        return await OpenRawAsync(cancellationToken);
    }

    private async Task<NpgsqlConnection> OpenRawAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _dataSource.OpenConnectionAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is NpgsqlException or PostgresException)
        {
            throw Translate(ex);
        }
    }

    /// <summary>Runs the missing migrations once per process (and once per database across processes).</summary>
    public async Task EnsureMigratedAsync(CancellationToken cancellationToken = default)
    {
        if (_initialized) return;
        await _initLock.WaitAsync(cancellationToken);
        try
        {
            if (_initialized) return;
            await using var connection = await OpenRawAsync(cancellationToken);
            try
            {
                await MigrateAsync(connection, cancellationToken);
            }
            catch (Exception ex) when (ex is NpgsqlException or PostgresException)
            {
                throw Translate(ex);
            }
            _initialized = true;
        }
        finally
        {
            _initLock.Release();
        }
    }

    private async Task MigrateAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Held until commit: a second instance waits here, then finds the migrations done.
        await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({MigrationLockKey})", cancellationToken);
        await ExecuteAsync(connection, transaction, "CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())", cancellationToken);
        await using (var read = new NpgsqlCommand("SELECT coalesce(max(version), 0) FROM schema_version", connection, transaction))
        {
            var current = Convert.ToInt32(await read.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            // A newer program may have changed tables this one would misread or damage: refuse rather than guess.
            if (current > SchemaVersion)
                throw new KnowledgeBaseException(
                    $"{Name} has schema version {current}, newer than this program's {SchemaVersion}: it was written by a newer RagAssistant; run that version");
            for (var i = current; i < SchemaVersion; i++)
            {
                await ExecuteAsync(connection, transaction, PostgresSchema.All[i], cancellationToken);
                await ExecuteAsync(connection, transaction, $"INSERT INTO schema_version (version) VALUES ({i + 1})", cancellationToken);
            }
        }
        await transaction.CommitAsync(cancellationToken);
        // Types created by the migrations (the vector extension) are loaded by connections opened from now on.
        await connection.ReloadTypesAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Says what went wrong in the terms of the knowledge base, naming the database.</summary>
    internal KnowledgeBaseException Translate(Exception ex) => ex switch
    {
        PostgresException { SqlState: "3D000" } => new KnowledgeBaseException($"{Name} does not exist; create it (createdb) or fix Rag:Storage:ConnectionString", ex),
        PostgresException { SqlState: "28P01" or "28000" } => new KnowledgeBaseException($"{Name} refused the user name or password in Rag:Storage:ConnectionString", ex),
        PostgresException { SqlState: "42501" } pg => new KnowledgeBaseException($"{Name}: permission denied ({pg.MessageText})", ex),
        PostgresException { SqlState: "53100" } => new KnowledgeBaseException($"{Name}: the server's disk is full", ex),
        PostgresException pg => new KnowledgeBaseException($"{Name}: {pg.MessageText}", ex),
        NpgsqlException { InnerException: System.Net.Sockets.SocketException socket } => new KnowledgeBaseException($"cannot reach {Name}: {socket.Message}", ex),
        _ => new KnowledgeBaseException($"{Name}: {ex.Message}", ex),
    };

    public void Dispose() => _dataSource.Dispose();

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
